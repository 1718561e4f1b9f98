import { wordsOf } from "./normalize-text.ts";

/** A full written date: "January 1, 2025", "Jan. 1 2025", "1 January 2025", "2025-01-01". */
const DATE_WORDS =
  "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}";

/** A heading's text as the page shows it, and whether it is a top-level (`h1`) heading. */
export interface PageHeading {
  text: string;
  /** An `h1`: the page's own headline as a rule, where lower headings and title-classed blocks are not. */
  h1: boolean;
}

/** Agreement of a heading that is a declared title word for word. */
const EXACT = 0.999;
/** Agreement with a declared title at which a heading is taken to be that title as shown. */
const AGREES = 0.6;
/**
 * Agreement at which the page's only `h1` still wins over its declared titles: the declared ones are often
 * a rewritten search or social title ("7 Key Methodologies" for the h1 "Methodologies Compared"), and the
 * headline a reader sees is the h1.
 */
const SHARES_TOPIC = 0.3;

/**
 * The page's visible headline. In order: a heading that is a declared title word for word (an `h1` first);
 * the `h1` that best agrees with a declared title (JSON-LD headline,
 * og:title, `<title>` and its parts other than the site name; at least 60% of the words agreeing both
 * ways); else the page's only `h1` when a declared title holds every word of it ("restaurant" for
 * "Definition of restaurant"); else the page's only `h1` when it shares at least 30% of its words with a
 * declared title (a lower heading that agrees better is a section of the article: "FAQs about nutrition
 * trends" under the h1 "Top 10 Nutrition Trends to Watch"); else the best-agreeing lower heading; else the first declared title with the site name cut off ("Headline |
 * Site" → "Headline"); else the first heading of two words or more. Null when the page declares nothing
 * and shows no heading. A date stamp at either end of a heading is not part of it (`withoutStamp`).
 */
export function pickHeadline(
  headings: readonly PageHeading[],
  declared: readonly string[],
  siteName: string | null,
): string | null {
  const candidates = declaredParts(declared, siteName);
  const scored = headings
    .map((h) => ({ text: withoutStamp(h.text.replace(/\s+/g, " ").trim()), h1: h.h1 }))
    .filter((h) => {
      const n = wordsOf(h.text).length;
      return n > 0 && n <= 40;
    })
    .map((h) => ({ ...h, score: Math.max(0, ...candidates.map((c) => agreement(h.text, c))) }));
  const best = (list: typeof scored, floor: number): string | null => {
    let top: (typeof scored)[number] | null = null;
    for (const h of list) if (h.score >= floor && (!top || h.score > top.score + 1e-9)) top = h;
    return top?.text ?? null;
  };
  const h1s = scored.filter((h) => h.h1);
  const lower = scored.filter((h) => !h.h1);
  // A lower heading that is a declared title word for word still wins over an h1 that only agrees.
  const exact = best(h1s, EXACT) ?? best(lower, EXACT);
  const shown =
    exact ??
    best(h1s, AGREES) ??
    onlyH1Inside(h1s, candidates) ??
    (h1s.length === 1 ? best(h1s, SHARES_TOPIC) : null) ??
    best(lower, AGREES);
  if (shown) return shown;
  return candidates[0] ?? scored.find((h) => wordsOf(h.text).length >= 2)?.text ?? null;
}
/** A full date closing or opening a heading ("Checklist for Hikers January 1, 2025"): the stamp, not the headline. */
const EDGE_DATE = new RegExp(`^(?:${DATE_WORDS})[\\s,|•·–—-]+|[\\s,|•·–—-]+(?:${DATE_WORDS})$`, "i");

/** The heading's text without a date stamp at either end, when enough of a headline remains. */
export function withoutStamp(text: string): string {
  const rest = text.replace(EDGE_DATE, "").trim();
  return rest !== text && wordsOf(rest).length >= 3 ? rest : text;
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

/** Agreement at which a line of the page's text is the headline as shown. */
const SHOWS_HEADLINE = 0.9;

/** The index of the first of `lines` that shows `headline` (`agreement` at least 0.9), or -1. */
export function headlineAt(lines: readonly string[], headline: string): number {
  return lines.findIndex((l) => agreement(l, headline) >= SHOWS_HEADLINE);
}

/** The page's only h1 when a declared title holds every word of it, else null. */
function onlyH1Inside(h1s: ReadonlyArray<{ text: string }>, declared: readonly string[]): string | null {
  const only = h1s.length === 1 ? (h1s[0]?.text ?? "") : "";
  return only && declared.some((c) => inside(only, c)) ? only : null;
}

/** Whether every word of `a` is in `b` (the h1 "restaurant" in the declared "Definition of restaurant"). */
function inside(a: string, b: string): boolean {
  const wa = wordsOf(a.toLowerCase());
  const wb = new Set(wordsOf(b.toLowerCase()));
  return wa.length > 0 && wa.every((w) => wb.has(w));
}
