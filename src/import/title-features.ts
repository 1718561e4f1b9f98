import { classifyLine } from "./classify-boilerplate.ts";
import { extractByline } from "./extract-byline.ts";
import { LIST_ITEM } from "./find-article-region.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { findDate } from "./parse-date.ts";
import { isProseLine } from "./title-rule.ts";

/** Names of the features `titleFeatures` returns, in order (the model's weights follow this order). */
export const TITLE_FEATURES = [
  "bias",
  "rule score",
  "rule rejects",
  "rule pick",
  "words",
  "2-3 words",
  "4-20 words",
  "over 20 words",
  "first line",
  "above the text",
  "lines to the text",
  "chrome lines to the text",
  "ends with . , ;",
  "ends with ? or !",
  "ends with :",
  "title case",
  "all capitals",
  "starts lower case",
  "has digits",
  "chrome",
  "repeated in the page",
  "byline or date below",
  "prose above",
  "prose below",
  "list item",
  "among short lines",
  "separator inside",
  "words shared with the text",
  "first heading-like line",
  "blank line before",
  "long line below",
  "log lines to the text",
  "just above the text",
  "top of the page",
  "over 12 words",
  "shared words (count)",
  "standfirst below",
  "first candidate",
  "headline-like line above",
] as const;

/** The lines a model may pick the headline from: at most this many above the text, and a few inside it. */
export const ABOVE = 120;
export const INSIDE = 3;

const RELATIVE_TIME =
  /\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|[•·]\s*\d+\s*[hmd]\b/i;

const shortLine = (text: string | undefined): boolean => {
  if (text === undefined) return false;
  const n = wordsOf(text).length;
  return n >= 1 && n <= 6 && !/[.!?]$/.test(text);
};

/** A line below that sums the headline up: 10–45 words sharing at least two longer words with it. */
function standfirst(headline: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const n = wordsOf(next).length;
  if (n < 10 || n > 45) return false;
  const mine = new Set(wordsOf(headline.toLowerCase()).filter((w) => w.length >= 4));
  return wordsOf(next.toLowerCase()).filter((w) => mine.has(w)).length >= 2;
}

/** What the page's text (its first 400 words from `bodyStart`) is about: its longer words, lower-cased. */
export function textVocabulary(lines: readonly TextLine[], bodyStart: number): Set<string> {
  const words: string[] = [];
  for (let i = bodyStart; i < lines.length && words.length < 400; i++)
    for (const w of wordsOf(lines[i]?.text.toLowerCase() ?? "")) if (w.length >= 4) words.push(w);
  return new Set(words);
}

/**
 * Features of line `i` as the page's headline, for the learned title ranker (`rankTitles`): its length,
 * position relative to the article text (`bodyStart`), punctuation, capitalisation, the lines around it
 * (a byline or date below, prose above, a run of short lines), repetition in the page, how many of its
 * words the text uses, and what the hand-written rule (`titleScore`, `ruleScore`) says of it. Each feature
 * is scaled to about [-1, 1].
 */
export function titleFeatures(
  lines: readonly TextLine[],
  i: number,
  bodyStart: number,
  ruleScore: number | null,
  rulePick: boolean,
  vocabulary: ReadonlySet<string>,
  firstHeadingLike: boolean,
  firstCandidate = false,
  headlineAbove = false,
): number[] {
  const line = lines[i] as TextLine;
  const text = line.text;
  const tokens = wordsOf(text);
  const words = tokens.length;
  const split = text.split(/\s+/);
  const capitalised = split.filter((w) => /^[\p{Lu}\d"'‘“]/u.test(w)).length / Math.max(1, split.length);
  const letters = text.replace(/[^\p{L}]/gu, "");
  let chrome = 0;
  for (let j = i + 1; j < bodyStart; j++) if (!isProseLine(lines[j])) chrome++;
  const next = lines.slice(i + 1, i + 5).map((l) => l.text);
  const below = next.some(
    (t) =>
      extractByline(t) !== null ||
      ((findDate(t) !== null || RELATIVE_TIME.test(t)) && wordsOf(t).length <= 12),
  );
  const around = [i - 2, i - 1, i + 1, i + 2].map((j) => shortLine(lines[j]?.text));
  const content = tokens.map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
  const shared = content.length ? content.filter((w) => vocabulary.has(w)).length / content.length : 0;
  const repeated =
    words >= 3 &&
    lines.some(
      (l, j) => j !== i && (l.text === text || (l.text.endsWith(text) && l.text.length > text.length)),
    );
  const clip = (x: number): number => Math.max(-1, Math.min(1, x));
  return [
    1,
    ruleScore === null ? 0 : clip(ruleScore / 8),
    ruleScore === null ? 1 : 0,
    rulePick ? 1 : 0,
    Math.min(words, 40) / 20,
    words >= 2 && words <= 3 ? 1 : 0,
    words >= 4 && words <= 20 ? 1 : 0,
    words > 20 ? 1 : 0,
    i === 0 ? 1 : 0,
    i < bodyStart ? 1 : 0,
    clip((bodyStart - i) / 30),
    clip(chrome / 20),
    /[.,;]$/.test(text) && !/\.\.\.$/.test(text) ? 1 : 0,
    /[?!]$/.test(text) ? 1 : 0,
    /:$/.test(text) ? 1 : 0,
    capitalised,
    letters.length >= 4 && letters === letters.toUpperCase() ? 1 : 0,
    /^\p{Ll}/u.test(text) ? 1 : 0,
    /\d/.test(text) ? 1 : 0,
    classifyLine(text) !== "text" ? 1 : 0,
    repeated ? 1 : 0,
    below ? 1 : 0,
    isProseLine(lines[i - 1]) ? 1 : 0,
    isProseLine(lines[i + 1]) ? 1 : 0,
    LIST_ITEM.test(text) ? 1 : 0,
    words <= 6 && around.every(Boolean) ? 1 : 0,
    /\s[|–—·•]\s|\s-\s/.test(text) ? 1 : 0,
    shared,
    firstHeadingLike ? 1 : 0,
    line.blankBefore ? 1 : 0,
    wordsOf(lines[i + 1]?.text ?? "").length >= 25 ? 1 : 0,
    Math.log1p(Math.max(0, bodyStart - i)) / 5,
    i === bodyStart - 1 ? 1 : 0,
    i < 3 ? 1 : 0,
    words > 12 ? 1 : 0,
    Math.min(content.filter((w) => vocabulary.has(w)).length, 6) / 6,
    standfirst(text, lines[i + 1]?.text) ? 1 : 0,
    firstCandidate ? 1 : 0,
    headlineAbove ? 1 : 0,
  ];
}
