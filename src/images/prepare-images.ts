import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../articles/article.ts";
import { CONFIG_FILE } from "../config/load-config.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { type Diagnostic, error } from "../shared/diagnostic.ts";
import { type ImageInfo, imageInfo } from "./image-info.ts";
import { planRenditions, type RenditionJob } from "./plan-renditions.ts";

/** The folder of the project whose files are published under `/images/`. */
export const IMAGES_DIR = "images";

/** The size of a brand image (logo, link-preview image), for `width`/`height` attributes and meta tags. */
export interface BrandImage {
  src: string;
  width: number;
  height: number;
}

/** What the image step found: the copies to make, and the brand images' sizes. */
export interface ImagePlan {
  /** Every resized copy to make, once each (two articles may share an image). */
  jobs: { job: RenditionJob; file: string }[];
  brand: { logo: BrandImage | null; ogImage: BrandImage | null };
  /** Every local image used, as `src:contents-hash`: what pages showing images depend on. */
  sources: string[];
}

/** `/images/a/b.jpg` → `images/a/b.jpg` (project-relative), or null for a path outside `/images/`. */
export function imageFile(src: string): string | null {
  if (!src.startsWith(`/${IMAGES_DIR}/`)) return null;
  const relative = decodeURIComponent(src.slice(1));
  if (relative.split("/").some((part) => part === ".." || part === "")) return null;
  return relative;
}

/** True for an image given as a web address: it is linked as it is, never fetched. */
export function isRemoteImage(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

type Located = { info: ImageInfo; file: string } | { problem: string };

/**
 * Checks every local image the site uses (article images and `brand.*`) and reads its size, then plans
 * its responsive copies. Article images get their `width`, `height` and `renditions` here. A missing or
 * unreadable file is an error at the line that names it. Remote images are left as they are.
 */
export async function prepareImages(
  config: SiteConfig,
  articles: readonly Article[],
  root: string,
): Promise<{ plan: ImagePlan; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Promise<Located>>();
  const locate = (src: string): Promise<Located> => {
    let found = seen.get(src);
    if (!found) {
      found = readLocal(src, root);
      seen.set(src, found);
    }
    return found;
  };
  const jobs = new Map<string, { job: RenditionJob; file: string }>();
  const sources = new Set<string>();

  for (const article of articles) {
    const image = article.image;
    if (!image || isRemoteImage(image.src)) continue;
    const located = await locate(image.src);
    if ("problem" in located) {
      diagnostics.push(
        error("image/missing", article.file, image.line, `image "${image.src}" ${located.problem}`),
      );
      continue;
    }
    sources.add(`${image.src}:${located.info.hash}`);
    image.width = located.info.width;
    image.height = located.info.height;
    const planned = planRenditions(image.src, located.info);
    image.renditions = planned?.renditions ?? null;
    for (const job of planned?.jobs ?? []) jobs.set(job.src, { job, file: located.file });
  }

  const brandImage = async (
    key: "logo" | "favicon" | "ogImage",
    name: string,
  ): Promise<BrandImage | null> => {
    const src = config.brand[key];
    if (src === null) return null;
    const located = await locate(src);
    if ("problem" in located) {
      diagnostics.push(
        error(
          "config/image-missing",
          CONFIG_FILE,
          config.brand.lines[key],
          `${name} "${src}" ${located.problem}`,
        ),
      );
      return null;
    }
    sources.add(`${src}:${located.info.hash}`);
    return { src, width: located.info.width, height: located.info.height };
  };
  const logo = await brandImage("logo", "brand.logo");
  await brandImage("favicon", "brand.favicon");
  const ogImage = await brandImage("ogImage", "brand.og_image");
  return {
    plan: { jobs: [...jobs.values()], brand: { logo, ogImage }, sources: [...sources].sort() },
    diagnostics,
  };
}

async function readLocal(src: string, root: string): Promise<Located> {
  const relative = imageFile(src);
  if (relative === null) {
    return {
      problem: `is not a file under /${IMAGES_DIR}/ (expected a web address, or a site path such as /${IMAGES_DIR}/photo.jpg for the file ${IMAGES_DIR}/photo.jpg)`,
    };
  }
  const file = path.join(root, relative);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { problem: `was not found (expected the file ${relative} in the project)` };
  }
  const info = imageInfo(bytes);
  if ("problem" in info) return { problem: `(${relative}) ${info.problem}` };
  return { info, file };
}
