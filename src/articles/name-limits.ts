/**
 * Longest slug, in UTF-8 bytes. A slug names a folder of the output (`/tags/<slug>/`, `/2019/01/<slug>/`),
 * and file systems allow 255 bytes per name (ext4, APFS, NTFS in UTF-16 units): the margin keeps room for
 * what a host or a sync tool adds to a name.
 */
export const MAX_SLUG_BYTES = 240;

/**
 * Why a slug is too long to be a folder name, as the end of a sentence (`makes a slug of 300 bytes …`),
 * or null when it fits. Counted in UTF-8 bytes, as file systems count: an Arabic letter is 2, an emoji 4.
 */
export function nameTooLong(slug: string): string | null {
  const bytes = Buffer.byteLength(slug, "utf8");
  if (bytes <= MAX_SLUG_BYTES) return null;
  return `makes a slug of ${bytes} bytes (expected at most ${MAX_SLUG_BYTES} bytes in UTF-8: the slug names a folder, and file systems allow 255; shorten it)`;
}
