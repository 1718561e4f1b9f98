import { BODY_LINE_FEATURES, bodyLineFeatures } from "./body-line-features.ts";
import MODEL from "./body-model.json" with { type: "json" };
import type { TextLine } from "./normalize-text.ts";
import { type TreeNode, treeValue } from "./rank-titles.ts";

/**
 * Names of the second stage's features (`contextFeatures`), in order: the first stage's score of the
 * line and what it says of the lines around it.
 */
export const CONTEXT_FEATURES = [
  "bias",
  "score",
  "probability above",
  "probability below",
  "mean probability around",
  "mean probability of the five above",
  "mean probability of the five below",
  "mean probability of the text above",
  "mean probability of the text below",
] as const;

/**
 * A logistic model over `bodyLineFeatures` (weights in `BODY_LINE_FEATURES` order) with boosted trees, and
 * a second one over `contextFeatures` of the first one's results (weights in `CONTEXT_FEATURES` order), and
 * the cut-off.
 */
export interface BodyModel {
  features: readonly string[];
  weights: readonly number[];
  /** The second stage; without it the first stage's probability decides. */
  context?: { features: readonly string[]; weights: readonly number[] };
  /**
   * Boosted regression trees added to the first stage's linear score, each reading the line's features
   * (`BODY_LINE_FEATURES` order): they weigh features together ("short line" and "after an end marker").
   */
  trees?: readonly TreeNode[];
  /** A line whose probability of being article text is below this is left out. */
  threshold: number;
}

const logistic = (s: number): number => 1 / (1 + Math.exp(-s));

/** The linear score of weighted features (the log-odds of a logistic model). */
export function linearScore(weights: readonly number[], features: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < features.length; k++) s += (weights[k] ?? 0) * (features[k] ?? 0);
  return s;
}

/** The first stage's log-odds that a line with these features is article text: linear, plus the trees. */
export function firstStageScore(model: BodyModel, features: readonly number[]): number {
  let s = linearScore(model.weights, features);
  for (const tree of model.trees ?? []) s += treeValue(tree, features);
  return s;
}

/** The probability that a line with these features is article text (the first stage). */
export function bodyLineProbability(model: BodyModel, features: readonly number[]): number {
  return logistic(firstStageScore(model, features));
}

/**
 * The second stage's features of every line (see `CONTEXT_FEATURES`), from the first stage's scores:
 * the line's own score (clipped to ±10), the probabilities of the lines just above and below, the mean
 * of the three on either side, of the five above, of the five below, and of the whole text above and
 * below. A neighbour that does not exist counts as the line itself. A line among other stories' teasers
 * or a footer's notes is judged with them; a short heading among paragraphs with them. Linear time.
 */
export function contextFeatures(scores: readonly number[]): number[][] {
  const n = scores.length;
  const p = scores.map(logistic);
  const prefix = [0];
  for (let i = 0; i < n; i++) prefix.push((prefix[i] ?? 0) + (p[i] ?? 0));
  const mean = (from: number, to: number, self: number): number => {
    const a = Math.max(0, from);
    const b = Math.min(n, to);
    return b > a ? ((prefix[b] ?? 0) - (prefix[a] ?? 0)) / (b - a) : self;
  };
  return scores.map((s, i) => {
    const own = p[i] ?? 0.5;
    const around = (() => {
      const a = Math.max(0, i - 3);
      const b = Math.min(n, i + 4);
      const count = b - a - 1;
      return count > 0 ? ((prefix[b] ?? 0) - (prefix[a] ?? 0) - own) / count : own;
    })();
    return [
      1,
      Math.max(-10, Math.min(10, s)),
      i > 0 ? (p[i - 1] ?? own) : own,
      i < n - 1 ? (p[i + 1] ?? own) : own,
      around,
      mean(i - 5, i, own),
      mean(i + 1, i + 6, own),
      mean(0, i, own),
      mean(i + 1, n, own),
    ];
  });
}

/** The final probability of every line: the first stage, then the second when the model has one. */
export function bodyLineProbabilities(model: BodyModel, features: readonly number[][]): number[] {
  const scores = features.map((f) => firstStageScore(model, f));
  const context = model.context;
  if (
    !context ||
    context.features.length !== CONTEXT_FEATURES.length ||
    context.features.some((f, k) => f !== CONTEXT_FEATURES[k])
  )
    return scores.map(logistic);
  return contextFeatures(scores).map((f) => logistic(linearScore(context.weights, f)));
}

/**
 * Leaves out the lines of the article's text that a small learned model (`body-model.json`, trained by
 * `node --import tsx scripts/train-body-model.ts`) says are not article text: captions and credits,
 * calls to action, author notes, promotions left between paragraphs, other stories and notes after the
 * article. `page` is every line of the page. A model whose feature list does not match
 * `BODY_LINE_FEATURES` is ignored (every line is kept). The model never empties the article: where it
 * would leave out every line (a brief of a paragraph or two reads, line by line, like a caption or a
 * teaser), every line is kept.
 */
export function filterBodyLines(
  lines: readonly TextLine[],
  page: readonly TextLine[],
  model: BodyModel = MODEL as BodyModel,
): { lines: TextLine[]; removed: TextLine[] } {
  if (
    model.features.length !== BODY_LINE_FEATURES.length ||
    model.features.some((f, k) => f !== BODY_LINE_FEATURES[k])
  )
    return { lines: [...lines], removed: [] };
  const probabilities = bodyLineProbabilities(model, bodyLineFeatures(lines, page));
  const kept: TextLine[] = [];
  const removed: TextLine[] = [];
  lines.forEach((line, i) => {
    if ((probabilities[i] ?? 1) < model.threshold) removed.push(line);
    else kept.push(line);
  });
  if (kept.length === 0) return { lines: [...lines], removed: [] };
  return { lines: kept, removed };
}
