import { classifyLine, type LineKind } from "./classify-boilerplate.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";

/** A run of lines, `start` inclusive, `end` exclusive. */
export interface Region {
  start: number;
  end: number;
}

/** Below this many words a line costs more than it brings: menus, buttons, teaser titles. */
const SHORT = 10;

/** How much one line speaks for being article text: long sentences gain, chrome and widgets lose. */
export function lineWeight(text: string, kind: LineKind = classifyLine(text)): number {
  if (kind === "section-break" || kind === "comments") return -60;
  if (kind === "boilerplate") return -12;
  if (kind === "teaser") return -15;
  const words = wordsOf(text).length;
  const sentence = /[.!?…:;"”’)\]]$/.test(text) && words >= 6 ? 4 : 0;
  const separators = (text.match(/\s[|•·/│]\s/g) ?? []).length;
  const weight = Math.min(words, 120) - SHORT + sentence - 4 * separators;
  // Code, list items and figures are short but are not menus: they only cost a little, so an article
  // with a listing or a list in the middle is not cut in two.
  if (CODE.test(text) || LIST_ITEM.test(text)) return Math.max(weight, -1);
  if (!/\p{L}/u.test(text) || /:$/.test(text)) return Math.max(weight, -3);
  // A line of four words or more that is not chrome (a subheading, a table row, a short step of a
  // how-to) costs only a little too: guides and listings made of short lines are not cut into pieces.
  // Menus and buttons are shorter, and related-story blocks open with a heading that costs 60.
  if (words >= 4) return Math.max(weight, -1);
  return weight;
}

/** Punctuation of program code, shell sessions and tables drawn with box characters. */
const CODE = /[{}();=<>[\]│┼─]|^(?:\/\/|#|\$ )|[,;]$/;
/** A list item typed out in the text: a bullet or a number in front. */
export const LIST_ITEM = /^(?:[-+*•·▪◦‣–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S/;

/** Whether a line looks like program code or a table row rather than prose or a menu. */
export function isCodeLike(text: string): boolean {
  return CODE.test(text);
}

/**
 * The weight of every line, in context: a listing opens with a code-like line and runs on while no blank
 * line comes between; after its first line, its short lines ("SELECT", "FROM", "id: ID!") and its code
 * cost nothing, even a code line that reads like a heading ("tags: [Tag!]!"), so a guide of long
 * listings between its paragraphs is not cut to its last paragraph.
 */
export function lineWeights(lines: readonly TextLine[]): number[] {
  const weights = lines.map((line) => lineWeight(line.text));
  // Whether the line is part of a listing: code-like, or a short line run on from one without a blank.
  const listing = lines.map((line) => isCodeLike(line.text));
  lines.forEach((line, i) => {
    if ((weights[i] ?? 0) >= 0 || line.blankBefore || i === 0 || !listing[i - 1]) return;
    if (listing[i] || classifyLine(line.text) === "text") {
      weights[i] = 0;
      listing[i] = true;
    }
  });
  // A list a sentence introduces ("Ask yourselves:", "Include:"), two items or more, runs while no blank
  // line comes between its items (one may come before the first): its short items are content, not a
  // menu, and cost as little as a typed-out list item.
  for (let i = 0; i + 2 < lines.length; i++) {
    const intro = lines[i]?.text ?? "";
    if (!intro.endsWith(":") || !/\p{L}/u.test(intro) || classifyLine(intro) !== "text") continue;
    let end = i + 1;
    while (end < lines.length) {
      const item = lines[end] as TextLine;
      if (end > i + 1 && item.blankBefore) break;
      if (classifyLine(item.text) !== "text" || wordsOf(item.text).length >= SHORT) break;
      end++;
    }
    if (end - i - 1 < 2) continue;
    for (let k = i + 1; k < end; k++) weights[k] = Math.max(weights[k] ?? 0, -1);
    i = end - 1;
  }
  return weights;
}

/**
 * Finds the article in a page's lines: the run of lines with the greatest total weight (a maximum-sum
 * subarray over `lineWeight`), so a long run of paragraphs wins over menus, teasers and comment widgets,
 * while a short heading or list item between paragraphs is kept. Comment headings split the page into
 * zones; since comments follow the article, the first zone whose best run is a fair share (30%) of the
 * best of all wins, so a long discussion does not outweigh a short article. Empty for no lines.
 */
export function findArticleRegion(lines: readonly TextLine[]): Region {
  const zones: Array<{ region: Region; sum: number }> = [];
  let best = { region: { start: 0, end: 0 }, sum: Number.NEGATIVE_INFINITY };
  let sum = 0;
  let start = 0;
  const closeZone = (): void => {
    if (best.sum > 0) zones.push(best);
    best = { region: { start: 0, end: 0 }, sum: Number.NEGATIVE_INFINITY };
    sum = 0;
  };
  const weights = lineWeights(lines);
  lines.forEach((line, i) => {
    const kind = classifyLine(line.text);
    if (kind === "comments") {
      closeZone();
      start = i + 1;
      return;
    }
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weights[i] ?? 0;
    if (sum > best.sum) best = { region: { start, end: i + 1 }, sum };
  });
  closeZone();
  const top = Math.max(0, ...zones.map((zone) => zone.sum));
  return zones.find((zone) => zone.sum >= 0.3 * top)?.region ?? { start: 0, end: 0 };
}
