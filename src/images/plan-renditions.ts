import type { ImageRenditions } from "../articles/article.ts";
import type { ImageInfo } from "./image-info.ts";

/** Widths of the resized copies, in pixels; none wider than the original. */
export const RENDITION_WIDTHS = [480, 800, 1200, 1600] as const;

/** The copy used as `src`, in feeds and in the email: about twice a 600 px email column. */
export const MAIN_WIDTH = 1200;

/** One resized copy to make: the output's site path, its width and format. */
export interface RenditionJob {
  /** `/images/photo-800.webp`. */
  src: string;
  width: number;
  format: "avif" | "webp" | "jpeg" | "png";
  /** Cache file name: the original's hash, width and format, so an edited file gets new copies. */
  cacheName: string;
}

/** Formats made from these originals; SVG and GIF are used as they are (vector, animation). */
const RASTER = new Set(["jpg", "png", "webp", "avif", "heif", "tiff"]);

/** Encoder settings change the output: a new version invalidates the cache. */
const ENCODING_VERSION = "1";

const EXTENSION: Record<RenditionJob["format"], string> = {
  avif: "avif",
  webp: "webp",
  jpeg: "jpg",
  png: "png",
};
const TYPE: Record<RenditionJob["format"], string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};

/**
 * Plans the responsive copies of one local image (pure): AVIF and WebP for browsers that take them, and
 * the original's own format (JPEG for JPEG, WebP and AVIF originals; PNG for PNG) as the fallback, at each
 * of 480, 800, 1200 and 1600 px that is narrower than the original, plus the original's width when it
 * is below 1600. Returns null for SVG and GIF. Byte sizes are filled in once the copies exist.
 */
export function planRenditions(
  src: string,
  info: Pick<ImageInfo, "width" | "format" | "hash">,
): { renditions: ImageRenditions; jobs: RenditionJob[] } | null {
  if (!RASTER.has(info.format)) return null;
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w < info.width);
  if (info.width <= 1600) widths.push(info.width);
  const stem = src.replace(/\.[^./]+$/, "");
  const fallback: RenditionJob["format"] = info.format === "png" ? "png" : "jpeg";
  const jobs: RenditionJob[] = [];
  const rendition = (format: RenditionJob["format"]) => {
    const files = widths.map((width) => {
      const job: RenditionJob = {
        src: `${stem}-${width}.${EXTENSION[format]}`,
        width,
        format,
        cacheName: `${info.hash.slice(0, 20)}-${ENCODING_VERSION}-${width}.${EXTENSION[format]}`,
      };
      jobs.push(job);
      return { src: job.src, width };
    });
    return { type: TYPE[format], files };
  };
  const modern = [rendition("avif"), rendition("webp")];
  const fallbackSet = rendition(fallback);
  const main = [...fallbackSet.files].reverse().find((f) => f.width <= MAIN_WIDTH) ?? fallbackSet.files[0];
  if (!main) return null;
  return {
    renditions: { modern, fallback: fallbackSet, src: main.src, width: main.width, bytes: 0 },
    jobs,
  };
}
