import { createHash } from "node:crypto";
import { createRequire } from "node:module";

/**
 * `image-size`, loaded on the first image read: a site without images (and every worker thread, which
 * reads none) does not pay for loading it.
 */
let imageSizeModule: typeof import("image-size") | null = null;
function imageSize(bytes: Uint8Array): ReturnType<typeof import("image-size").imageSize> {
  imageSizeModule ??= createRequire(import.meta.url)("image-size") as typeof import("image-size");
  return imageSizeModule.imageSize(bytes);
}

/** What the build knows of a local image file, read once. */
export interface ImageInfo {
  width: number;
  height: number;
  /** `jpg`, `png`, `webp`, `avif`, `gif`, `svg`… as `image-size` names it. */
  format: string;
  /** MIME type of the file. */
  type: string;
  bytes: number;
  /** SHA-256 of the contents (hex): the cache key of its resized copies. */
  hash: string;
}

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
  svg: "image/svg+xml",
  heif: "image/heif",
  ico: "image/x-icon",
};

/** The MIME type of an image format or file extension (`jpg`, `.jpeg`, `png`…), or null. */
export function imageType(formatOrExtension: string): string | null {
  const key = formatOrExtension.replace(/^\./, "").toLowerCase();
  return TYPES[key === "jpeg" ? "jpg" : key] ?? null;
}

/**
 * Reads the pixel size and format of an image from its bytes (`image-size`: the header only, no decoding).
 * Returns a reason instead when the bytes are not an image it knows.
 */
export function imageInfo(bytes: Uint8Array): ImageInfo | { problem: string } {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: "is not an image (expected JPEG, PNG, WebP, AVIF, GIF or SVG)" };
  }
  const format = size.type ?? "";
  const rotated = size.orientation !== undefined && size.orientation >= 5;
  const width = rotated ? size.height : size.width;
  const height = rotated ? size.width : size.height;
  if (!width || !height) return { problem: "has no width and height (expected a sized image)" };
  return {
    width,
    height,
    format,
    type: imageType(format) ?? "application/octet-stream",
    bytes: bytes.byteLength,
    hash: createHash("sha256").update(bytes).digest("hex"),
  };
}
