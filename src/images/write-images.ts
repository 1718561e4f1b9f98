import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../articles/article.ts";
import type { RenditionJob } from "./plan-renditions.ts";
import { IMAGES_DIR, type ImagePlan } from "./prepare-images.ts";

/** Where resized copies are kept between builds, inside the cache folder (git-ignored). */
export const IMAGE_CACHE = "images";

/**
 * sharp, loaded on first use: it is a native module that takes a quarter of a second or more to load,
 * and most builds encode no image (copies come from the cache).
 */
let sharpModule: Promise<typeof import("sharp")> | null = null;

/** Encodes one resized copy. Settings are chosen for photographs at screen sizes. */
export async function renderRendition(input: Uint8Array, job: RenditionJob): Promise<Buffer> {
  sharpModule ??= import("sharp");
  const sharp = (await sharpModule).default;
  const resized = sharp(input, { failOn: "error" })
    .rotate()
    .resize({ width: job.width, withoutEnlargement: true });
  switch (job.format) {
    case "avif":
      return resized.avif({ quality: 55, effort: 4 }).toBuffer();
    case "webp":
      return resized.webp({ quality: 75 }).toBuffer();
    case "png":
      return resized.png({ compressionLevel: 9 }).toBuffer();
    default:
      return resized.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  }
}

/** One output file of the image step: a site path without the leading `/`, and how to get its bytes. */
export interface ImageOutput {
  /** `images/photo-800.webp`. */
  file: string;
  /** A key that changes when the bytes would: the original's hash (and the copy's width and format). */
  key: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * Every file the image step puts in the site: the project's `images/` folder as it is, and every planned
 * resized copy. A copy comes from the cache (`<cacheDir>/images/`, keyed by the original's contents) when
 * an earlier build made it, else it is encoded with sharp and kept there.
 */
export async function imageOutputs(plan: ImagePlan, root: string, cacheDir: string): Promise<ImageOutput[]> {
  const outputs: ImageOutput[] = [];
  const source = path.join(root, IMAGES_DIR);
  const entries = await readdir(source, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const file = path.relative(root, absolute).split(path.sep).join("/");
    const bytes = await readFile(absolute);
    outputs.push({
      file,
      key: createHash("sha1").update(bytes).digest("base64url"),
      bytes: async () => bytes,
    });
  }
  const cache = path.join(cacheDir, IMAGE_CACHE);
  const originals = new Map<string, Promise<Uint8Array>>();
  for (const { job, file } of plan.jobs) {
    outputs.push({
      file: job.src.slice(1),
      key: job.cacheName,
      bytes: async () => {
        const cached = path.join(cache, job.cacheName);
        const found = await readFile(cached).catch(() => null);
        if (found) return found;
        let input = originals.get(file);
        if (!input) {
          input = readFile(file);
          originals.set(file, input);
        }
        const encoded = await renderRendition(await input, job);
        await mkdir(cache, { recursive: true });
        const temporary = `${cached}.${process.pid}.tmp`;
        await writeFile(temporary, encoded);
        await rename(temporary, cached);
        return encoded;
      },
    });
  }
  return outputs;
}

/** Runs `task` over `items`, two at a time: sharp has its own threads, and the machine may be shared. */
export async function eachTwoAtATime<T>(
  items: readonly T[],
  task: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await task(next);
  };
  await Promise.all([worker(), worker()]);
}

/** Fills in each article's main copy's size in bytes (RSS `<enclosure length>`). */
export function recordImageSizes(articles: readonly Article[], sizes: ReadonlyMap<string, number>): void {
  for (const article of articles) {
    const renditions = article.image?.renditions;
    if (renditions) renditions.bytes = sizes.get(renditions.src.slice(1)) ?? 0;
  }
}

/**
 * Writes the image step's files straight into a folder (the dev server and plain Eleventy; `npm run build`
 * goes through its output writer instead), and records the copies' sizes on the articles.
 */
export async function writeImages(
  plan: ImagePlan,
  articles: readonly Article[],
  root: string,
  outDir: string,
  cacheDir = path.join(root, ".gazette-cache"),
): Promise<number> {
  const outputs = await imageOutputs(plan, root, cacheDir);
  const sizes = new Map<string, number>();
  await eachTwoAtATime(outputs, async (output) => {
    const bytes = await output.bytes();
    const target = path.join(outDir, output.file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    sizes.set(output.file, bytes.byteLength);
  });
  recordImageSizes(articles, sizes);
  return outputs.length;
}
