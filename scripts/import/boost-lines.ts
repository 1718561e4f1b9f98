import type { TreeNode } from "../../src/import/rank-titles.ts";

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
          ].filter((v) => v < (distinct[distinct.length - 1] as number));
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
    const all = new Int32Array(rows);
    for (let r = 0; r < rows; r++) all[r] = r;
    const tree = grow(all, depth);
    trees.push(tree);
    for (let r = 0; r < rows; r++) score[r] = (score[r] as number) + value(tree, r);
  }
  return trees;

  function value(tree: TreeNode, r: number): number {
    let node = tree;
    while (typeof node !== "number")
      node = (x[r * size + node.feature] as number) <= node.threshold ? node.lo : node.hi;
    return node;
  }

  function leaf(members: Int32Array): number {
    let G = 0;
    let H = 0;
    for (const r of members) {
      G += g[r] as number;
      H += h[r] as number;
    }
    return Math.round((-G / (H + lam)) * shrinkage * 1e4) / 1e4;
  }

  function grow(members: Int32Array, levels: number): TreeNode {
    if (levels === 0) return leaf(members);
    let G = 0;
    let H = 0;
    for (const r of members) {
      G += g[r] as number;
      H += h[r] as number;
    }
    const parent = (G * G) / (H + lam);
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
        if (hl < least || hr < least) continue;
        const gain = (gl * gl) / (hl + lam) + (gr * gr) / (hr + lam) - parent;
        if (gain > 1e-12 && (best === null || gain > best.gain)) best = { gain, feature: k, cut: c };
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
