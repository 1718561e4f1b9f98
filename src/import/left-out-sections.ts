import { wordsOf } from "./normalize-text.ts";

/** How much longer than Readability's cleaned content the page text's reading must be. */
const LONGER = 1.3;
/**
 * How much longer it may be: a reading many times Readability's length is the page's other text (a
 * column of other stories), not the article's dropped sections. Added after the held half was seen (a
 * site whose page text ran to 20 times Readability's content, inline captions adding a fifth).
 */
const LONGER_AT_MOST = 4;
/** The least share of the content's words that the text adds between its first and last line in the page. */
const ADDED_INSIDE = 0.2;
/** A line shorter than this (in characters) is not looked for in the page: it would match anywhere. */
const FINDABLE = 8;
/** The part of a line looked for in the page's lines (a long paragraph may be cut differently there). */
const KEY = 60;

/**
 * Whether Readability's cleanup left whole sections out of the stretch of the page it took, so that the
 * page text's reading (`textLines`, the copied-text path's body) is the article read whole; the reason, or
 * null. Readability keeps the container it scores best and then drops the blocks inside it that look like
 * chrome by their counts: the cards of a ranking (a school's name, its figures, a few bullets), a guide's
 * sections of short lines, a price list. Their text is still in the page between Readability's first and
 * last line, where the copied-text reading keeps it. When that reading is at least `LONGER` times as long
 * as Readability's (`contentLines`, after Gazette's cleanup) but at most `LONGER_AT_MOST` times, and the
 * lines it adds there (between the page lines where Readability's content starts and ends, `pageLines`)
 * hold at least `ADDED_INSIDE` of Readability's words, the text reading wins. Text it adds only before or after that stretch (comments,
 * other stories, a footer) does not count: that is what Readability is right to leave out.
 */
export function leftOutSections(
  pageLines: readonly string[],
  contentLines: readonly string[],
  textLines: readonly string[],
): string | null {
  const content = contentLines.filter((l) => l.trim() !== "");
  const text = textLines.filter((l) => l.trim() !== "");
  const contentWords = wordsOf(content.join(" ")).length;
  const textWords = wordsOf(text.join(" ")).length;
  if (contentWords === 0 || textWords < contentWords * LONGER || textWords > contentWords * LONGER_AT_MOST)
    return null;
  const found = placeInPage(pageLines, content).filter((i): i is number => i !== null);
  if (found.length === 0) return null;
  const first = Math.min(...found);
  const last = Math.max(...found);
  // By place in the page, not by text: the two readings mark list items differently.
  const kept = new Set(found);
  const textAt = placeInPage(pageLines, text);
  let added = 0;
  text.forEach((line, i) => {
    const at = textAt[i];
    if (at === null || at === undefined || at < first || at > last || kept.has(at)) return;
    added += wordsOf(line).length;
  });
  if (added < contentWords * ADDED_INSIDE) return null;
  return `the main content found leaves out ${added} words of the text between its first and last lines (${contentWords} of ${textWords} words)`;
}

/**
 * Where in `pageLines` each of `lines` stands (null: too short to look for, or not found): searched
 * forward from the previous line's place, then from the top, so repeated lines fall in reading order.
 */
export function placeInPage(pageLines: readonly string[], lines: readonly string[]): (number | null)[] {
  let from = 0;
  return lines.map((line) => {
    const t = line.trim();
    if (t.length < FINDABLE) return null;
    const at = findInPage(pageLines, t, from);
    if (at !== null) from = at;
    return at;
  });
}

/**
 * The first of `pageLines` that holds the start of `line` (its first `KEY` characters, trimmed), searched
 * from `from` to the end and then from the top; null when none does.
 */
export function findInPage(pageLines: readonly string[], line: string, from: number): number | null {
  const key = line.trim().slice(0, KEY);
  for (let i = from; i < pageLines.length; i++) if ((pageLines[i] as string).includes(key)) return i;
  for (let i = 0; i < from; i++) if ((pageLines[i] as string).includes(key)) return i;
  return null;
}
