/**
 * Turns a title, tag or source name into a URL slug: NFKC, lower case, Unicode letters and digits kept,
 * every other run of characters becomes one `-`, no leading or trailing `-`. Returns "" when nothing is
 * left (callers report that as an error). Links percent-encode the result (see `encodePath`).
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Percent-encodes each segment of a site-relative path, keeping the slashes. */
export function encodePath(path: string): string {
  // Most paths have nothing to encode: these are exactly the characters encodeURIComponent keeps, and "/".
  if (/^[A-Za-z0-9\-_.!~*'()/]*$/.test(path)) return path;
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}
