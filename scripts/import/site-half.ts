/** The host a page is grouped by: its URL's host without `www.`, `m.`, `amp.` (the string itself if it is no URL). */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(www|m|amp)\./, "");
  } catch {
    return url;
  }
}

/** FNV-1a of a string, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Which half of a by-site split a page falls in: FNV-1a of its host, even → "tune", odd → "held". Every
 * page of a site lands in the same half, so rules and weights tuned on one half can be checked on sites
 * they have never seen. (The hash's lowest bit is the parity of the host's odd character codes: a fixed
 * split, kept as it is so figures stay comparable across sessions.)
 */
export function siteHalf(url: string): "tune" | "held" {
  return fnv1a(siteOf(url)) % 2 === 0 ? "tune" : "held";
}

/**
 * A second by-site split, for cross-validation inside a half: the top bit of the host's hash after a
 * multiply-xorshift mix, so it does not follow `siteHalf` (a suffix added to the host before hashing
 * would: FNV-1a's lowest bit only counts odd characters).
 */
export function siteFold(url: string): 0 | 1 {
  let h = fnv1a(siteOf(url));
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 31) as 0 | 1;
}
