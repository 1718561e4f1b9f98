import { classifyLine } from "./classify-boilerplate.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";

/** What `stripBoilerplate` took out, for the editor's review. */
export interface StripResult {
  lines: TextLine[];
  removed: TextLine[];
}

/**
 * Removes site chrome from the article's lines: share, subscribe, cookie and ad lines, comment-widget
 * and related-stories headings and the teasers under them, and short labels left dangling at either end
 * ("Advertisement", "1 / 5"). Real paragraphs stay, however they start: only whole lines that match the
 * boilerplate vocabulary or shape go (see `classifyLine`).
 */
export function stripBoilerplate(lines: readonly TextLine[]): StripResult {
  const kept: TextLine[] = [];
  const removed: TextLine[] = [];
  for (const line of lines) {
    if (classifyLine(line.text) === "text") kept.push(line);
    else removed.push(line);
  }
  // Dangling labels at the ends: a line with no letters, or one or two words without punctuation.
  const dangling = (line: TextLine | undefined): boolean =>
    line !== undefined &&
    (!/\p{L}/u.test(line.text) || (wordsOf(line.text).length <= 2 && !/[.!?:)"”]$/.test(line.text)));
  while (dangling(kept[0])) removed.push(kept.shift() as TextLine);
  while (dangling(kept[kept.length - 1])) removed.push(kept.pop() as TextLine);
  return { lines: kept, removed };
}
