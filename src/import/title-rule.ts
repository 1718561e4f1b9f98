import { classifyLine } from "./classify-boilerplate.ts";
import { extractByline } from "./extract-byline.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { findDate } from "./parse-date.ts";

/** Lines that label a list of links: "Topics: uber, …", "Filed under: …". */
const LABEL = /^(?:tags|topics|filed (?:under|in)|categories|labels|posted in|more)\b/i;
const CREDIT =
  /\b(?:getty|afp|reuters|shutterstock|photograph|istock)\b|\b(?:photo |image )?credits?\s*:|\/\s*\p{Lu}{2,}/iu;

/** A time stamp relative to now, as news sites print them: "1 day ago", "Jane Doe • 8h". */
const RELATIVE_TIME =
  /\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|[•·]\s*\d+\s*[hmd]\b/i;

/** A best score below this means no line near the text looks like a headline. */
const WEAK = 2.5;

/** How far above the article text the headline may be, in lines. */
const REACH = 80;

/** A line of running prose: a long sentence, as paragraphs are and headlines are not. */
export function isProse(text: string): boolean {
  return wordsOf(text).length >= 15 && /[.!?]["'”’)]?$/.test(text);
}

/**
 * `check` of a line's text, remembered per line object: the ranker asks about each line and its neighbours
 * many times. A missing line gives `missing` (default false: a missing line is never one).
 */
export function perLine<T = boolean>(
  check: (text: string) => T,
  missing: T = false as T,
): (line: TextLine | undefined) => T {
  const known = new WeakMap<TextLine, T>();
  return (line) => {
    if (line === undefined) return missing;
    let value = known.get(line);
    if (value === undefined) {
      value = check(line.text);
      known.set(line, value);
    }
    return value;
  };
}

/** `isProse` of a line, remembered per line object. */
export const isProseLine = perLine(isProse);

/** Whether a line's text may be a headline at all: 2–30 words, not chrome, a date, a byline, a credit… */
function mayBeHeadline(text: string): boolean {
  const words = wordsOf(text).length;
  if (words < 2 || words > 30 || text.length > 220 || classifyLine(text) !== "text") return false;
  // A headline is words: a line of figures ("-35.56 (-0.69%)", "5,153.58") is a ticker or a table.
  if ((text.match(/\p{L}{2,}/gu) ?? []).length < 2 || /[│┃┼═─|]/.test(text)) return false;
  // A list item is not a headline.
  if (/^(?:[-+*•·▪►–—]|\d{1,2}[.)])\s/.test(text)) return false;
  if (extractByline(text) || /^(?:by|photo|image|credit|source|updated|published|posted)\b/i.test(text))
    return false;
  // Dates, times and photo credits sit around a headline but are not one.
  const unglued = text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  return !(
    findDate(unglued) ||
    /\b\d{1,2}:\d{2}(?!\d)|\bago$/i.test(text) ||
    CREDIT.test(text) ||
    LABEL.test(text)
  );
}

/** Whether a line may be a headline (`titleScore` is not null for it), remembered per line object. */
export const canBeHeadline = perLine(mayBeHeadline);

/** A byline, or a short line with a date or a relative time ("2 hours ago"): what follows a headline. */
function bylineOrStamp(t: string): boolean {
  return (
    extractByline(t) !== null || ((findDate(t) !== null || RELATIVE_TIME.test(t)) && wordsOf(t).length <= 12)
  );
}

/** A byline or a date of any length, remembered per line object: what marks a headline block. */
const hasBylineOrDate = perLine((t) => Boolean(extractByline(t) || findDate(t)));

/** `bylineOrStamp` of a line, remembered per line object. */
export const isBylineOrStamp = perLine(bylineOrStamp);

/** `titleScore` of each page already asked, by text start and line (the rule and the ranker ask alike). */
const knownScores = new WeakMap<readonly TextLine[], Map<number, Map<number, number | null>>>();

/** How much a line looks like the page's headline, or null when it cannot be one (remembered per page). */
export function titleScore(lines: readonly TextLine[], i: number, bodyStart: number): number | null {
  let page = knownScores.get(lines);
  if (page === undefined) {
    page = new Map();
    knownScores.set(lines, page);
  }
  let byLine = page.get(bodyStart);
  if (byLine === undefined) {
    byLine = new Map();
    page.set(bodyStart, byLine);
  }
  let score = byLine.get(i);
  if (score === undefined) {
    score = scoreTitle(lines, i, bodyStart);
    byLine.set(i, score);
  }
  return score;
}

function scoreTitle(lines: readonly TextLine[], i: number, bodyStart: number): number | null {
  const line = lines[i];
  if (!canBeHeadline(line)) return null;
  const text = line?.text ?? "";
  const words = wordsOf(text).length;
  let score = words >= 4 && words <= 20 ? 3 : 0;
  if (/^\p{Ll}/u.test(text)) score -= 2;
  const capitalised = text.split(/\s+/).filter((w) => /^[\p{Lu}\d"'‘“]/u.test(w)).length;
  if (capitalised / text.split(/\s+/).length >= 0.6) score += 1;
  if (/[.,;]$/.test(text) && !/\.\.\.$/.test(text)) score -= 4;
  if (/:$/.test(text)) score -= 3;
  if (words >= 3 && repeats(lines, i)) score += 2;
  // A headline is followed by a byline, a date or a caption, then the text.
  if (lines.slice(i + 1, i + 5).some(isBylineOrStamp)) score += 2;
  // Copied text usually starts at the headline (a breadcrumb or section name above it is short).
  if (i === 0 && words >= 4) score += 2;
  // A short line amid other short lines (a menu, a table of contents) is not the headline.
  const around = [i - 2, i - 1, i + 1, i + 2].map((j) => listLikeLine(lines[j]));
  if (words <= 6 && around.every(Boolean)) score -= 3;
  // A short line right after a paragraph is a subheading inside the article, not its headline.
  const previous = lines[i - 1]?.text ?? "";
  if (isProse(previous)) score -= 4;
  // Distance counts the page's chrome between the line and the text, not paragraphs of the article
  // itself (the text found may be only the larger part of an article split by a chart or a gallery).
  let between = 0;
  for (let j = i + 1; j < bodyStart; j++) if (!isProseLine(lines[j])) between++;
  return score - 0.15 * between;
}

/** `listLike` of a line, remembered per line object. */
const listLikeLine = perLine(listLike);

/** A short line that is neither a byline nor a date: an item of a menu, contents or teaser list. */
function listLike(text: string | undefined): boolean {
  if (text === undefined) return false;
  const words = wordsOf(text).length;
  return words >= 1 && words <= 6 && !/[.!?]$/.test(text) && !extractByline(text) && !findDate(text);
}

/** Whether the same line (or a copy glued behind a breadcrumb) appears elsewhere in the page. */
export function repeats(lines: readonly TextLine[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  return lines.some(
    (l, j) => j !== i && (l.text === text || (l.text.endsWith(text) && l.text.length > text.length)),
  );
}

/**
 * The hand-written rule's headline line: the best-scoring line (`titleScore`) among the lines above the
 * article text; when nothing near the text convinces, a headline block further up. Null when no line
 * qualifies. One of the learned ranker's features (`titleFeatures`).
 */
export function ruleTitleIndex(lines: readonly TextLine[], bodyStart: number): number | null {
  let best: { index: number; score: number } | null = null;
  const from = Math.max(0, bodyStart - REACH);
  for (let i = from; i < Math.min(lines.length, bodyStart + 1); i++) {
    const score = titleScore(lines, i, bodyStart);
    if (score !== null && (best === null || score > best.score)) best = { index: i, score };
  }
  // Nothing convincing near the text (it may be the second half of an article split by a chart): look
  // further up for a headline block, a headline followed by its byline or date.
  if (best === null || best.score < WEAK) {
    for (let i = 0; i < from; i++) {
      const block = Math.min(lines.length, i + 7);
      if (!lines.slice(i + 1, block).some(hasBylineOrDate)) continue;
      // In a block the headline comes first; a headline-like line right below it is the standfirst.
      const above = titleScore(lines, i - 1, block);
      if (above !== null && wordsOf(lines[i - 1]?.text ?? "").length >= 4) continue;
      const score = titleScore(lines, i, block);
      if (score !== null && score - 1 > (best?.score ?? Number.NEGATIVE_INFINITY))
        best = { index: i, score: score - 1 };
    }
  }
  return best?.index ?? null;
}
