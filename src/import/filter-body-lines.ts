import { BODY_LINE_FEATURES, bodyLineFeatures } from "./body-line-features.ts";
import MODEL from "./body-model.json" with { type: "json" };
import type { TextLine } from "./normalize-text.ts";

/** A logistic model over `bodyLineFeatures`: weights in `BODY_LINE_FEATURES` order, and the cut-off. */
export interface BodyModel {
  features: readonly string[];
  weights: readonly number[];
  /** A line whose probability of being article text is below this is left out. */
  threshold: number;
}

/** The probability that a line with these features is article text. */
export function bodyLineProbability(model: BodyModel, features: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < features.length; k++) s += (model.weights[k] ?? 0) * (features[k] ?? 0);
  return 1 / (1 + Math.exp(-s));
}

/**
 * Leaves out the lines of the article's text that a small learned model (`body-model.json`, trained by
 * `node --import tsx scripts/train-body-model.ts`) says are not article text: captions and credits,
 * calls to action, author notes, promotions left between paragraphs. `page` is every line of the page. A model whose feature list does
 * not match `BODY_LINE_FEATURES` is ignored (every line is kept).
 */
export function filterBodyLines(
  lines: readonly TextLine[],
  page: readonly TextLine[],
  model: BodyModel = MODEL,
): { lines: TextLine[]; removed: TextLine[] } {
  if (
    model.features.length !== BODY_LINE_FEATURES.length ||
    model.features.some((f, k) => f !== BODY_LINE_FEATURES[k])
  )
    return { lines: [...lines], removed: [] };
  const features = bodyLineFeatures(lines, page);
  const kept: TextLine[] = [];
  const removed: TextLine[] = [];
  lines.forEach((line, i) => {
    if (bodyLineProbability(model, features[i] ?? []) < model.threshold) removed.push(line);
    else kept.push(line);
  });
  return { lines: kept, removed };
}
