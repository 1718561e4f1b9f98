import { classifyLine } from "./classify-boilerplate.ts";
import { wordsOf } from "./normalize-text.ts";

/**
 * Short lines that close an article or stand between it and something else: a note about the author,
 * the post's tags or topics, "Share this article", "Was this page helpful?", post navigation, a
 * copyright notice, "Keep reading", "Up next", "Recommended by our editors".
 */
const CLOSING =
  /^(?:about the (?:author|writer|reporter|contributor)s?|(?:more |other )?(?:stories|articles|posts|news) (?:by|from)\b.*|share this(?: (?:story|article|post|page))?|tags?|tagged(?: with| in)?|filed (?:under|in)|categor(?:y|ies)|topics?|related (?:links|reads?|tags|topics|searches|posts|items|guides)|keep reading|recommended by\b.*|editors?['’]?s? (?:picks?|recommendations?|choice)|(?:was|is|did you find) this (?:article|page|post|story|information|content) (?:helpful|useful)\b.*|post navigation|explore (?:related |more )?(?:topics|stories|articles)?|(?:up )?next(?: up)?(?: in\b.*)?|next (?:story|article|post)\b.*|©.*|copyright\s*(?:©|\(c\)|\d{4}).*|.*\ball rights reserved\b.*|published by|written by|(?:the )?author)[\s:.!?»›>|]*$/i;

/**
 * Whether a line marks where an article ends or is interrupted: a heading of related stories or
 * comments (`classifyLine`), or a short closing line (`CLOSING`). What follows such a line is more
 * often other stories, a biography, a form or the site's footer than the article's text. `words` is the
 * line's word count when the caller has it.
 */
export function isEndMarker(text: string, words?: number): boolean {
  // Markers are short (a counted comment heading with the post's title at most 40 words): a paragraph
  // is never one, and is not worth classifying.
  if (text.length > 400) return false;
  const count = words ?? wordsOf(text).length;
  if (count > 40) return false;
  if (count <= 10 && CLOSING.test(text)) return true;
  const kind = classifyLine(text);
  return kind === "section-break" || kind === "comments";
}
