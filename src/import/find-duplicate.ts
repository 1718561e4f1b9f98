import { wordsOf } from "./normalize-text.ts";
import { ShingleIndex } from "./shingle-index.ts";

/** An article already on the site (or imported earlier in the same run), as the duplicate check sees it. */
export interface KnownArticle {
  /** Its file, for the message ("articles/2024-01-02-x.md"). */
  file: string;
  sourceUrl: string | null;
  /** Its body's word 5-grams, hashed (`shingleSet`). */
  shingles: ReadonlySet<number>;
}

/** Known articles indexed by address and by shingle, so that a batch compares in linear time. */
export interface DuplicateIndex {
  articles: KnownArticle[];
  byUrl: Map<string, number>;
  byShingle: ShingleIndex;
}

/** Why an import would duplicate a known article. */
export interface Duplicate {
  file: string;
  reason: "source_url" | "text";
  /** For `text`: the share of the shorter text's word 5-grams found in the other. */
  overlap?: number;
}

/**
 * Shares of shingles from this up make two texts the same article (a re-copy, a syndicated or edited
 * copy, the same page imported once as copied text and once as a saved page). Measured on the importer
 * corpus's 1,322 pages (tenth session): the same page's copied-text and saved-page bodies share under 0.8
 * of their 5-grams on 9 pages and under 0.5 on 5 (where one reading missed the article); of the 870,000
 * pairs of different pages' bodies, one shares more than 0.5 (two locales of one company's terms of
 * sale, 0.55) and one more than 0.3 (two stories of one site, 0.35).
 */
const NEAR = 0.5;
/** Texts shorter than this many shingles are not compared by text (a stub matches too easily). */
const MIN_SHINGLES = 20;
/**
 * A shingle that more known articles than this share is boilerplate ("sign up for our newsletter"), no
 * sign of a copy: it does not make an article a candidate (which would make a batch quadratic), though
 * it counts in a candidate's overlap.
 */
const COMMON = 32;

/** An index over known articles; add more with `addKnown`. */
export function indexKnown(known: readonly KnownArticle[]): DuplicateIndex {
  const index: DuplicateIndex = { articles: [], byUrl: new Map(), byShingle: new ShingleIndex() };
  for (const k of known) addKnown(index, k);
  return index;
}

/** Adds an article to the index (an article imported earlier in the same run). */
export function addKnown(index: DuplicateIndex, article: KnownArticle): void {
  const i = index.articles.push(article) - 1;
  if (article.sourceUrl) {
    const url = canonicalUrl(article.sourceUrl);
    if (!index.byUrl.has(url)) index.byUrl.set(url, i);
  }
  for (const s of article.shingles) index.byShingle.add(s, i);
}

/**
 * The known article an imported one duplicates, or null: the same `source_url` (ignoring the scheme,
 * `www.`, a trailing slash, the fragment and `utm_*` tracking parameters), or nearly the same text — at
 * least half of the shorter text's word 5-grams (lower-cased) also in the other.
 */
export function findDuplicate(
  candidate: { url: string | null; text: string },
  index: DuplicateIndex,
): Duplicate | null {
  if (candidate.url) {
    const at = index.byUrl.get(canonicalUrl(candidate.url));
    const same = at === undefined ? undefined : index.articles[at];
    if (same) return { file: same.file, reason: "source_url" };
  }
  const mine = shingleSet(candidate.text);
  if (mine.size < MIN_SHINGLES) return null;
  // Shared shingles counted through the index, the common ones aside: an article is looked at only if
  // its count with every common shingle added could reach the threshold.
  const rare = new Map<number, number>();
  const common: number[] = [];
  for (const s of mine) {
    const known = index.byShingle.articles(s);
    if (known.length > COMMON) common.push(s);
    else for (const i of known) rare.set(i, (rare.get(i) ?? 0) + 1);
  }
  let best: Duplicate | null = null;
  for (const [i, hits] of rare) {
    const other = index.articles[i] as KnownArticle;
    if (other.shingles.size < MIN_SHINGLES) continue;
    const shorter = Math.min(mine.size, other.shingles.size);
    if (hits + common.length < NEAR * shorter) continue;
    let n = hits;
    for (const s of common) if (other.shingles.has(s)) n++;
    const overlap = n / shorter;
    if (overlap >= NEAR && (!best || overlap > (best.overlap ?? 0)))
      best = { file: other.file, reason: "text", overlap };
  }
  return best;
}

/** An address reduced to what identifies the page: host without `www.`, path without a trailing slash. */
export function canonicalUrl(address: string): string {
  try {
    const u = new URL(address.trim());
    const params = [...u.searchParams].filter(([k]) => !/^(?:utm_|fbclid$|gclid$|mc_)/i.test(k));
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = new URLSearchParams(params).toString();
    const host = u.hostname.toLowerCase().replace(/^www\./, "");
    return `${host}${u.pathname.replace(/\/+$/, "")}${query ? `?${query}` : ""}`;
  } catch {
    return address.trim();
  }
}

/**
 * The set of a text's lower-cased word 5-grams, each as a 32-bit FNV-1a hash (a set of numbers is
 * several times smaller and faster than one of strings; a collision only nudges an overlap).
 */
export function shingleSet(text: string): Set<number> {
  const words = wordsOf(text.toLowerCase());
  const out = new Set<number>();
  for (let i = 0; i + 5 <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + 5; k++) {
      const w = words[k] as string;
      for (let c = 0; c < w.length; c++) {
        h ^= w.charCodeAt(c);
        h = Math.imul(h, 0x01000193);
      }
      h ^= 0x20;
      h = Math.imul(h, 0x01000193);
    }
    out.add(h >>> 0);
  }
  return out;
}
