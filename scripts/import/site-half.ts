/**
 * Which half of a by-site split a page falls in: FNV-1a of its URL's host (without `www.`, `m.`, `amp.`),
 * even → "tune", odd → "held". Every page of a site lands in the same half, so rules and weights tuned
 * on one half can be checked on sites they have never seen.
 */
export function siteHalf(url: string): "tune" | "held" {
  let host = "";
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^(www|m|amp)\./, "");
  } catch {
    host = url;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) {
    h ^= host.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? "tune" : "held";
}
