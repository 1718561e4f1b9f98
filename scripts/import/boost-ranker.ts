import { type TreeNode, treeValue } from "../../src/import/rank-titles.ts";
import { type RankingExample, rightCandidates } from "./fit-ranker.ts";
import { binRows, growTree } from "./grow-tree.ts";

/** Settings of `boostRanker`; the defaults are those the committed title model was trained with. */
export interface BoostOptions {
  /** Trees added. Default 150. */
  rounds?: number;
  /** Depth of each tree. Default 2 (so each tree reads a pair of features together). */
  depth?: number;
  /** Each tree's values are scaled by this. Default 0.15. */
  shrinkage?: number;
  /** L2 penalty on leaf values (in Hessian units). Default 20. */
  lambda?: number;
  /** A split needs at least this much Hessian on either side. Default 5. */
  minWeight?: number;
  /** Thresholds tried per feature: the distinct values, or this many quantiles. Default 12. */
  bins?: number;
}

/**
 * Gradient-boosted regression trees on top of a linear ranker (`fitRanker`'s `weights`), for the same
 * listwise softmax loss: each round fits a small tree to the loss's gradient and Hessian over all
 * candidates (Newton leaf values, gains as in XGBoost) and adds it, shrunk. Lets the ranker weigh
 * features together ("at the top of the page" and "made of menu words"). Deterministic: thresholds are
 * quantiles of the data, ties go to the first feature and threshold.
 */
export function boostRanker(
  examples: readonly RankingExample[],
  weights: readonly number[],
  options: BoostOptions = {},
): TreeNode[] {
  const { rounds = 150, depth = 2, shrinkage = 0.15, lambda = 20, minWeight = 5, bins = 12 } = options;
  const usable = examples.filter((e) => e.positive >= 0 && e.positive < e.candidates.length);
  const size = weights.length;
  const rows = usable.reduce((n, e) => n + e.candidates.length, 0);
  const x = new Float64Array(rows * size);
  const starts = new Int32Array(usable.length + 1);
  const positive = new Uint8Array(rows);
  const score = new Float64Array(rows);
  let row = 0;
  usable.forEach((example, e) => {
    starts[e] = row;
    const right = new Set(rightCandidates(example));
    example.candidates.forEach((c, i) => {
      let s = 0;
      for (let k = 0; k < size; k++) {
        const v = c.features[k] ?? 0;
        x[row * size + k] = v;
        s += v * (weights[k] ?? 0);
      }
      score[row] = s;
      if (right.has(i)) positive[row] = 1;
      row++;
    });
  });
  starts[usable.length] = rows;
  const data = binRows(x, rows, size, bins);
  const g = new Float64Array(rows);
  const h = new Float64Array(rows);
  const trees: TreeNode[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let e = 0; e < usable.length; e++) {
      const from = starts[e] as number;
      const to = starts[e + 1] as number;
      let max = Number.NEGATIVE_INFINITY;
      for (let r = from; r < to; r++) max = Math.max(max, score[r] as number);
      let z = 0;
      let zRight = 0;
      for (let r = from; r < to; r++) {
        const v = Math.exp((score[r] as number) - max);
        z += v;
        if (positive[r] === 1) zRight += v;
      }
      for (let r = from; r < to; r++) {
        const v = Math.exp((score[r] as number) - max);
        const p = v / z;
        // The gradient of -log(sum of the right candidates' probabilities), as in `fitRanker`.
        g[r] = p - (positive[r] === 1 ? v / zRight : 0);
        h[r] = Math.max(p * (1 - p), 1e-6);
      }
    }
    const tree = growTree(data, g, h, {
      depth,
      lambda: lambda,
      minWeight: minWeight,
      shrinkage,
      minGain: 1e-9,
    });
    trees.push(tree);
    for (let r = 0; r < rows; r++) {
      score[r] = (score[r] as number) + treeValue(tree, x.subarray(r * size, (r + 1) * size));
    }
  }
  return trees;
}
