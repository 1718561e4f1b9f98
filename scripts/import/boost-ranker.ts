import { type TreeNode, treeValue } from "../../src/import/rank-titles.ts";
import { type RankingExample, rightCandidates } from "./fit-ranker.ts";

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
  // Candidate thresholds per feature and each row's bin (the first threshold its value is at or below).
  const thresholds: number[][] = [];
  const bin = new Uint8Array(rows * size);
  for (let k = 0; k < size; k++) {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) values[r] = x[r * size + k] as number;
    values.sort();
    const distinct = [...new Set(values)];
    const cuts =
      distinct.length <= bins + 1
        ? distinct.slice(0, -1)
        : [
            ...new Set(
              Array.from(
                { length: bins },
                (_, b) => values[Math.floor(((b + 1) * rows) / (bins + 1))] as number,
              ),
            ),
          ];
    thresholds.push(cuts);
    for (let r = 0; r < rows; r++) {
      const v = x[r * size + k] as number;
      let b = 0;
      while (b < cuts.length && v > (cuts[b] as number)) b++;
      bin[r * size + k] = b;
    }
  }
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
    const all = new Int32Array(rows);
    for (let r = 0; r < rows; r++) all[r] = r;
    const tree = grow(all, depth);
    trees.push(tree);
    for (let r = 0; r < rows; r++) {
      score[r] = (score[r] as number) + treeValue(tree, x.subarray(r * size, (r + 1) * size));
    }
  }
  return trees;

  function leaf(members: Int32Array): number {
    let G = 0;
    let H = 0;
    for (const r of members) {
      G += g[r] as number;
      H += h[r] as number;
    }
    return Math.round((-G / (H + lambda)) * shrinkage * 1e4) / 1e4;
  }

  function grow(members: Int32Array, levels: number): TreeNode {
    if (levels === 0) return leaf(members);
    let G = 0;
    let H = 0;
    for (const r of members) {
      G += g[r] as number;
      H += h[r] as number;
    }
    const parent = (G * G) / (H + lambda);
    let best: { gain: number; feature: number; cut: number } | null = null;
    for (let k = 0; k < size; k++) {
      const cuts = thresholds[k] as number[];
      if (cuts.length === 0) continue;
      const gs = new Float64Array(cuts.length + 1);
      const hs = new Float64Array(cuts.length + 1);
      for (const r of members) {
        const b = bin[r * size + k] as number;
        gs[b] = (gs[b] as number) + (g[r] as number);
        hs[b] = (hs[b] as number) + (h[r] as number);
      }
      let gl = 0;
      let hl = 0;
      for (let c = 0; c < cuts.length; c++) {
        gl += gs[c] as number;
        hl += hs[c] as number;
        const gr = G - gl;
        const hr = H - hl;
        if (hl < minWeight || hr < minWeight) continue;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (gain > 1e-9 && (best === null || gain > best.gain)) best = { gain, feature: k, cut: c };
      }
    }
    if (best === null) return leaf(members);
    const threshold = (thresholds[best.feature] as number[])[best.cut] as number;
    const lo: number[] = [];
    const hi: number[] = [];
    for (const r of members) ((x[r * size + best.feature] as number) <= threshold ? lo : hi).push(r);
    return {
      feature: best.feature,
      threshold,
      lo: grow(Int32Array.from(lo), levels - 1),
      hi: grow(Int32Array.from(hi), levels - 1),
    };
  }
}
