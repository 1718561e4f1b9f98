/**
 * Why an `image` value is not an image address Gazette can publish, as the end of a sentence, or null when
 * it is one. Accepted: an absolute `http:` or `https:` URL with a host, and a path on this site starting
 * with one `/` (`/images/x.jpg`, given the path prefix in links). Refused: other schemes (`javascript:`,
 * `data:`, `file:`), protocol-relative `//host/…` (its scheme depends on the page), relative paths (they
 * would resolve differently on every page), and spaces, quotes, angle brackets or backslashes.
 */
export function imageProblem(src: string): string | null {
  const expected = "(expected https://… or a path on this site such as /images/photo.jpg)";
  if (/[\s"'<>\\`]/.test(src)) return `holds a space, quote, angle bracket or backslash ${expected}`;
  if (src.startsWith("//")) return `is a protocol-relative address ${expected}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)?.[1];
  if (scheme !== undefined) {
    if (!/^https?$/i.test(scheme)) return `uses the scheme ${scheme.toLowerCase()}: ${expected}`;
    let url: URL;
    try {
      url = new URL(src);
    } catch {
      return `is not a valid address ${expected}`;
    }
    if (url.hostname === "" || !/^https?:\/\/[^/]/i.test(src)) return `has no host ${expected}`;
    return null;
  }
  if (!src.startsWith("/")) return `is a relative path ${expected}`;
  if (!URL.canParse(src, "https://example.invalid/")) return `is not a valid path ${expected}`;
  return null;
}
