import { wordsOf } from "./normalize-text.ts";

/**
 * The page's visible headline: among the page's heading texts (h1 first, in page order), the one whose
 * words best agree with a declared title (JSON-LD headline, og:title, `<title>` and its parts other than
 * the site name), at least 60% of the words agreeing both ways. Without such a heading, the first declared
 * title with the site name cut off ("Headline | Site" → "Headline"). Null when the page declares nothing
 * and shows no heading.
 */
export function pickHeadline(
  headings: readonly string[],
  declared: readonly string[],
  siteName: string | null,
): string | null {
  const candidates = declaredParts(declared, siteName);
  let best: { text: string; score: number } | null = null;
  for (const heading of headings) {
    const h = heading.replace(/\s+/g, " ").trim();
    const n = wordsOf(h).length;
    if (n === 0 || n > 40) continue;
    for (const title of candidates) {
      const score = agreement(h, title);
      if (score >= 0.6 && (!best || score > best.score + 1e-9)) best = { text: h, score };
    }
    if (best && best.score >= 0.999) break;
  }
  if (best) return best.text;
  return candidates[0] ?? headings.find((h) => wordsOf(h).length >= 2)?.trim() ?? null;
}

/** Declared titles, then each title with a site-name part ("Headline | Site", "Site - Headline") cut off. */
export function declaredParts(declared: readonly string[], siteName: string | null): string[] {
  const out: string[] = [];
  const site = siteName ? key(siteName) : "";
  const push = (t: string): void => {
    const s = t.trim();
    if (s && !out.includes(s) && (!site || key(s) !== site)) out.push(s);
  };
  for (const title of declared) {
    const parts = title.split(/\s+[|–—·•:»«-]\s+|\s*\|\s*|\s+::\s+/).filter((p) => wordsOf(p).length > 0);
    if (parts.length > 1) {
      // The site's name is the short part at either end, or the one matching og:site_name.
      const rest = parts.filter((p) => !site || key(p) !== site);
      const longest = [...rest].sort((a, b) => wordsOf(b).length - wordsOf(a).length)[0];
      if (rest.length < parts.length) push(rest.join(" - "));
      else if (longest) push(longest);
    }
    push(title);
  }
  return out;
}

const key = (s: string): string => wordsOf(s.toLowerCase()).join(" ");

/** Share of words agreeing both ways: the smaller of |A∩B|/|A| and |A∩B|/|B| (multisets, lower-cased). */
export function agreement(a: string, b: string): number {
  const wa = wordsOf(a.toLowerCase());
  const wb = wordsOf(b.toLowerCase());
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return Math.min(common / wa.length, common / wb.length);
}
