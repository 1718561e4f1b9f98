import { type TextLine, wordsOf } from "./normalize-text.ts";
import { rankTitles } from "./rank-titles.ts";
import { repeats, titleScore } from "./title-rule.ts";

/** The headline and where it was found. */
export interface TitleGuess {
  title: string;
  /** Index of the headline's line in the lines given. */
  index: number;
  /** Why this line: e.g. "repeated headline", "breadcrumb removed". */
  reasons: string[];
}

/**
 * Picks the headline: the line the learned ranker (`rankTitles`, weights in `title-model.json`) scores
 * highest among the lines above the article text (`bodyStart`, from `findArticleRegion`) and the first
 * few of it; the hand-written rule's pick is one of its features. A breadcrumb glued in front of a
 * repeated headline ("Iran General NewsIran Is Looking…") is cut off, and a headline set on two lines
 * after a colon is joined. Null when no line of two words or more qualifies.
 */
export function extractTitle(lines: readonly TextLine[], bodyStart: number): TitleGuess | null {
  const ranked = rankTitles(lines, bodyStart);
  const best = ranked ? { index: ranked.index } : null;
  if (best === null) return null;
  const reasons: string[] = [];
  let index = best.index;
  let title = lines[index]?.text ?? "";
  // The same headline shorter elsewhere: this line is it with a breadcrumb glued on.
  // Only a copy nearby that keeps most of the line counts, so a headline ending in a phrase that is also a
  // tag ("… over whale strandings" / "whale strandings") is left whole.
  const shorter = lines.findIndex(
    (l, j) =>
      Math.abs(j - index) <= 3 &&
      l.text !== title &&
      title.endsWith(l.text) &&
      wordsOf(l.text).length >= 3 &&
      l.text.length >= 0.5 * title.length,
  );
  if (shorter !== -1) {
    reasons.push(`breadcrumb "${title.slice(0, title.length - (lines[shorter]?.text.length ?? 0))}" removed`);
    title = lines[shorter]?.text ?? title;
    index = shorter;
  }
  // A headline set on two lines, the first ending in a colon: "The Open Journalism Project:" / "Better…".
  const next = lines[index + 1];
  if (next && /:$/.test(title) && index + 1 < bodyStart && titleScore(lines, index + 1, bodyStart) !== null) {
    title = `${title} ${next.text}`;
    reasons.push("joined with the next line");
  } else if (
    index > 0 &&
    /:$/.test(lines[index - 1]?.text ?? "") &&
    // "Search for:", "Tags:": a label of one or two words is a form's or a list's, not half a headline.
    wordsOf(lines[index - 1]?.text ?? "").length >= 3 &&
    titleScore(lines, index - 1, bodyStart) !== null
  ) {
    title = `${lines[index - 1]?.text} ${title}`;
    reasons.push("joined with the line above");
  }
  if (repeats(lines, index)) reasons.push("repeated in the page");
  return { title, index, reasons };
}
