import { BODY_LINE_FEATURES, bodyLineFeatures } from "./body-line-features.ts";
import MODEL from "./body-model.json" with { type: "json" };
import { type BodyModel, bodyLineProbabilities } from "./filter-body-lines.ts";
import { findInPage } from "./left-out-sections.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";

/**
 * A closing line the body-line model gives less than this probability of being article text is left out.
 * Well under the model's own cut-off (0.525 on copied text): on saved pages WCXB's truths keep headings,
 * lists and short notes that the model doubts, so only what it is fairly sure of goes. Chosen on the tune
 * half (0.2–0.5 all gain alike; 0.3 is the middle).
 */
const TAIL_CUT = 0.3;
/** The share of the text's words that must stay: an end trimmed this far is the article, not its tail. */
const KEEP_AT_LEAST = 0.5;

/**
 * The article's lines (Readability's content after Gazette's cleanup) without the closing lines that the
 * copied-text path's body-line model (`body-model.json`, see `filterBodyLines`) says are not article text:
 * from the last line up, while its probability is under `TAIL_CUT`. What a page's main content holds after
 * the article, other stories' teasers and dates, an about-the-site blurb, sponsor lists, sign-up and
 * support prompts, a "Follow us" box, is what the model learned to leave out of copied text; inside the
 * article its doubts about a heading or a list item are as often wrong as right, so only the tail goes.
 * `page` is every line of the page's text: each line is placed there (`findInPage`), as the model's
 * features (repetition in the page, an end marker or byline above) read it. At least one line, and
 * `KEEP_AT_LEAST` of the words, stay. A model whose features do not match `BODY_LINE_FEATURES` trims
 * nothing.
 */
export function dropUnlikelyTail<T extends TextLine>(
  lines: readonly T[],
  page: readonly TextLine[],
  model: BodyModel = MODEL as BodyModel,
): T[] {
  if (
    lines.length < 2 ||
    model.features.length !== BODY_LINE_FEATURES.length ||
    model.features.some((f, k) => f !== BODY_LINE_FEATURES[k])
  )
    return [...lines];
  const pageTexts = page.map((l) => l.text);
  let from = 0;
  let lineNo = page[0]?.lineNo ?? 0;
  const placed = lines.map((line) => {
    const at = findInPage(pageTexts, line.text, from);
    if (at !== null && at >= from) {
      from = at;
      lineNo = (page[at] as TextLine).lineNo;
    }
    return { ...line, lineNo };
  });
  const probabilities = bodyLineProbabilities(model, bodyLineFeatures(placed, page));
  const words = lines.map((l) => wordsOf(l.text).length);
  const total = words.reduce((a, b) => a + b, 0);
  let kept = total;
  let end = lines.length;
  while (end > 1 && (probabilities[end - 1] ?? 1) < TAIL_CUT) {
    kept -= words[end - 1] ?? 0;
    end--;
  }
  return kept < total * KEEP_AT_LEAST ? [...lines] : lines.slice(0, end);
}
