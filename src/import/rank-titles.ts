import { furnitureLine } from "./never-headline.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { RELATIVE_TITLE_FEATURES, relativeTitleFeatures } from "./relative-title-features.ts";
import { ABOVE, INSIDE, TITLE_FEATURES, TOP, titleContext, titleFeatures } from "./title-features.ts";
import MODEL from "./title-model.json" with { type: "json" };
import { canBeHeadline, ruleTitleIndex, titleScore } from "./title-rule.ts";

/** Names of every feature the ranker reads, in order: the line's own, then those against the page's other candidates. */
export const RANKER_FEATURES: readonly string[] = [...TITLE_FEATURES, ...RELATIVE_TITLE_FEATURES];

/** A regression tree over feature vectors: a leaf value, or a split on `feature <= threshold`. */
export type TreeNode = number | { feature: number; threshold: number; lo: TreeNode; hi: TreeNode };

/**
 * The ranker's model over `titleFeatures`: one weight per feature (in `RANKER_FEATURES` order) and
 * boosted trees added to that linear score, which weigh features together (none: linear only).
 */
export interface TitleModel {
  features: readonly string[];
  weights: readonly number[];
  trees?: readonly TreeNode[];
}

/** The value of `tree` for one feature vector. */
export function treeValue(tree: TreeNode, features: ArrayLike<number>): number {
  let node = tree;
  while (typeof node !== "number") node = (features[node.feature] ?? 0) <= node.threshold ? node.lo : node.hi;
  return node;
}

/** One line that could be the headline, with its features. */
export interface TitleCandidate {
  index: number;
  features: number[];
}

/**
 * The lines that may be the headline: up to `ABOVE` lines above the article text and `INSIDE` lines of
 * it, plus the hand-written rule's pick wherever it is; only lines of 2–30 words and at most 250
 * characters, with letters. Shared by the ranker and its training script (`scripts/train-title-model.ts`).
 */
export function titleCandidates(lines: readonly TextLine[], bodyStart: number): TitleCandidate[] {
  const rule = ruleTitleIndex(lines, bodyStart);
  const context = titleContext(lines, bodyStart);
  const indices: number[] = [];
  const from = Math.max(0, bodyStart - ABOVE);
  for (let i = 0; i < Math.min(TOP, from); i++) if (i !== rule) indices.push(i);
  if (rule !== null && rule < from) indices.push(rule);
  for (let i = from; i < Math.min(lines.length, bodyStart + INSIDE); i++) indices.push(i);
  const out: TitleCandidate[] = [];
  let seenHeadingLike = false;
  for (const i of indices) {
    const text = lines[i]?.text ?? "";
    const words = wordsOf(text).length;
    if (words < 2 || words > 30 || text.length > 250 || !/\p{L}/u.test(text)) continue;
    // Three or more items a copy joined with wide gaps are a menu or a breadcrumb trail, never the
    // headline (no headline of the corpus's 1,322 pages is such a line, in either copy; 302 lines are).
    if ((lines[i]?.gaps ?? 0) >= 2) continue;
    // Reading times, pagers, credits, comment counts, clock times, buttons and account links.
    if (furnitureLine(lines[i])) continue;
    const score = titleScore(lines, i, bodyStart);
    // A headline-like line right above: this one may be its standfirst or the caption under it.
    const above = i > 0 && wordsOf(lines[i - 1]?.text ?? "").length >= 4 && canBeHeadline(lines[i - 1]);
    const first = score !== null && !seenHeadingLike;
    if (score !== null) seenHeadingLike = true;
    out.push({
      index: i,
      features: titleFeatures(
        lines,
        i,
        bodyStart,
        score,
        i === rule,
        context,
        first,
        out.length === 0,
        above,
      ),
    });
  }
  const relative = relativeTitleFeatures(out.map((c) => c.features));
  out.forEach((c, k) => {
    c.features.push(...(relative[k] ?? []));
  });
  return out;
}

/** The model's score of one candidate: the dot product of weights and features, plus its trees' values. */
export function scoreCandidate(model: TitleModel, features: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < features.length; k++) s += (model.weights[k] ?? 0) * (features[k] ?? 0);
  for (const tree of model.trees ?? []) s += treeValue(tree, features);
  return s;
}

/**
 * The headline's line by the learned ranker: the candidate (`titleCandidates`) with the highest score
 * under `model` (default: the committed `title-model.json`, trained by `scripts/train-title-model.ts`).
 * Ties go to the earlier line. Null when there is no candidate.
 */
export function rankTitles(
  lines: readonly TextLine[],
  bodyStart: number,
  model: TitleModel = MODEL as TitleModel,
): { index: number; score: number } | null {
  if (model.features.join("|") !== RANKER_FEATURES.join("|"))
    throw new Error("title-model.json does not match RANKER_FEATURES: retrain with npm run train:titles");
  let best: { index: number; score: number } | null = null;
  for (const c of titleCandidates(lines, bodyStart)) {
    const score = scoreCandidate(model, c.features);
    if (best === null || score > best.score) best = { index: c.index, score };
  }
  return best;
}
