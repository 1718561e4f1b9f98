import { copyFile, cp, mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { Article } from "../articles/article.ts";
import type { RenditionJob } from "./plan-renditions.ts";
import { IMAGES_DIR, type ImagePlan } from "./prepare-images.ts";

/** Where resized copies are kept between builds, under the project root (git-ignored). */
export const IMAGE_CACHE_DIR = path.join(".gazette-cache", "images");

/** Encodes one resized copy. Settings are chosen for photographs at screen sizes. */
export async function renderRendition(input: Uint8Array, job: RenditionJob): Promise<Buffer> {
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

export interface ImageWriteResult {
  /** Files written into the output (originals and copies). */
  written: number;
  /** Copies encoded in this build (the rest came from the cache). */
  rendered: number;
}

/**
 * Writes the images into the output folder: the project's `images/` folder as it is, and every planned
 * resized copy, taken from the cache when an earlier build made it (keyed by the original's contents),
 * else encoded with sharp and kept in the cache. Then fills in each article's main copy's size in bytes
 * (RSS `<enclosure length>`).
 */
export async function writeImages(
  plan: ImagePlan,
  articles: readonly Article[],
  root: string,
  outDir: string,
): Promise<ImageWriteResult> {
  const source = path.join(root, IMAGES_DIR);
  let written = 0;
  if (await stat(source).catch(() => null)) {
    await cp(source, path.join(outDir, IMAGES_DIR), { recursive: true });
    written += (await readdirCount(source)) ?? 0;
  }
  const cacheDir = path.join(root, IMAGE_CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });
  const originals = new Map<string, Promise<Uint8Array>>();
  const sizes = new Map<string, number>();
  let rendered = 0;
  // Two at a time: sharp uses its own threads, and the machine may be shared.
  const queue = [...plan.jobs];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { job, file } = next;
      const cached = path.join(cacheDir, job.cacheName);
      let bytes: Uint8Array | null = await readFile(cached).catch(() => null);
      if (bytes === null) {
        let input = originals.get(file);
        if (!input) {
          input = readFile(file);
          originals.set(file, input);
        }
        const encoded = await renderRendition(await input, job);
        bytes = encoded;
        const temporary = `${cached}.${process.pid}.tmp`;
        await writeFile(temporary, encoded);
        await rename(temporary, cached);
        rendered++;
      }
      const target = path.join(outDir, job.src);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(cached, target);
      sizes.set(job.src, bytes.byteLength);
      written++;
    }
  };
  await Promise.all([worker(), worker()]);
  for (const article of articles) {
    const renditions = article.image?.renditions;
    if (renditions) renditions.bytes = sizes.get(renditions.src) ?? 0;
  }
  return { written, rendered };
}

async function readdirCount(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}
