import { type TreeNode, treeValue } from "../../src/import/rank-titles.ts";
import { binRows, growTree } from "./grow-tree.ts";

/** One line to learn from: its features, whether it is article text, its weight and its score so far. */
export interface LineExample {
  features: readonly number[];
  positive: boolean;
  weight: number;
  /** The log-odds the model gives it before the trees (the linear stages' score). */
  base: number;
}

/** Settings of `boostLines`. */
export interface BoostLinesOptions {
  /** Trees added. Default 100. */
  rounds?: number;
  /** Depth of each tree. Default 2 (so each tree reads a pair of features together). */
  depth?: number;
  /** Each tree's values are scaled by this. Default 0.1. */
  shrinkage?: number;
  /** L2 penalty on leaf values, as a share of the whole Hessian. Default 0.001. */
  lambda?: number;
  /** A split needs at least this share of the whole Hessian on either side. Default 0.002. */
  minWeight?: number;
  /** Thresholds tried per feature: the distinct values, or this many quantiles. Default 16. */
  bins?: number;
}

/**
 * Gradient-boosted regression trees on top of a logistic model's scores (`base`), for the weighted
 * per-line logistic loss: each round fits a small tree to the loss's gradient and Hessian (Newton leaf
 * values, gains as in XGBoost) and adds it, shrunk. Lets the line model weigh features together ("short
 * line" and "after an end marker"). `lambda` and `minWeight` are shares of the whole Hessian at the start,
 * so they do not depend on how the weights are scaled. Deterministic: thresholds are quantiles of the
 * data, ties go to the first feature and threshold; leaf values are rounded to four decimals.
 */
export function boostLines(examples: readonly LineExample[], options: BoostLinesOptions = {}): TreeNode[] {
  const { rounds = 100, depth = 2, shrinkage = 0.1, lambda = 0.001, minWeight = 0.002, bins = 16 } = options;
  const rows = examples.length;
  const size = examples.reduce((m, e) => Math.max(m, e.features.length), 0);
  const x = new Float64Array(rows * size);
  const y = new Uint8Array(rows);
  const w = new Float64Array(rows);
  const score = new Float64Array(rows);
  examples.forEach((e, r) => {
    for (let k = 0; k < size; k++) x[r * size + k] = e.features[k] ?? 0;
    y[r] = e.positive ? 1 : 0;
    w[r] = e.weight;
    score[r] = e.base;
  });
  const data = binRows(x, rows, size, bins);
  const g = new Float64Array(rows);
  const h = new Float64Array(rows);
  let scale = 0;
  for (let r = 0; r < rows; r++) {
    const p = 1 / (1 + Math.exp(-(score[r] as number)));
    scale += (w[r] as number) * Math.max(p * (1 - p), 1e-6);
  }
  const lam = lambda * scale;
  const least = minWeight * scale;
  const trees: TreeNode[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let r = 0; r < rows; r++) {
      const p = 1 / (1 + Math.exp(-(score[r] as number)));
      g[r] = (w[r] as number) * (p - (y[r] as number));
      h[r] = (w[r] as number) * Math.max(p * (1 - p), 1e-6);
    }
    const tree = growTree(data, g, h, { depth, lambda: lam, minWeight: least, shrinkage, minGain: 1e-12 });
    trees.push(tree);
    for (let r = 0; r < rows; r++)
      score[r] = (score[r] as number) + treeValue(tree, x.subarray(r * size, (r + 1) * size));
  }
  return trees;
}
