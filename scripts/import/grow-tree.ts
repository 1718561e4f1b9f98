import type { TreeNode } from "../../src/import/rank-titles.ts";

/** Rows of features laid out flat (`rows × size`), with each feature's candidate thresholds. */
export interface BinnedRows {
  x: Float64Array;
  rows: number;
  size: number;
  /** Per feature, the thresholds a split may use (ascending). */
  thresholds: number[][];
  /** Per row and feature, the index of the first threshold its value is at or below. */
  bin: Uint8Array;
}

/**
 * The thresholds tried per feature: every distinct value when there are at most `bins + 1` of them,
 * else `bins` quantiles; never the largest value (a split there sends every row one way).
 */
export function binRows(x: Float64Array, rows: number, size: number, bins: number): BinnedRows {
  const thresholds: number[][] = [];
  const bin = new Uint8Array(rows * size);
  for (let k = 0; k < size; k++) {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) values[r] = x[r * size + k] as number;
    values.sort();
    const distinct = [...new Set(values)];
    const top = distinct[distinct.length - 1] as number;
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
          ].filter((v) => v < top);
    thresholds.push(cuts);
    for (let r = 0; r < rows; r++) {
      const v = x[r * size + k] as number;
      let b = 0;
      while (b < cuts.length && v > (cuts[b] as number)) b++;
      bin[r * size + k] = b;
    }
  }
  return { x, rows, size, thresholds, bin };
}

/** How a tree is grown: all in the loss's Hessian units. */
export interface GrowOptions {
  depth: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** A split needs at least this much Hessian on either side. */
  minWeight: number;
  /** Leaf values are scaled by this. */
  shrinkage: number;
  /** A split must gain more than this. */
  minGain: number;
}

/**
 * One regression tree fitted to a loss's gradient `g` and Hessian `h` per row (Newton leaf values,
 * gains as in XGBoost). Deterministic: ties go to the first feature and threshold; leaf values are
 * rounded to four decimals.
 */
export function growTree(data: BinnedRows, g: Float64Array, h: Float64Array, options: GrowOptions): TreeNode {
  const { x, rows, size, thresholds, bin } = data;
  const { lambda, minWeight, shrinkage, minGain } = options;
  const all = new Int32Array(rows);
  for (let r = 0; r < rows; r++) all[r] = r;
  return grow(all, options.depth);

  function sums(members: Int32Array): [number, number] {
    let G = 0;
    let H = 0;
    for (const r of members) {
      G += g[r] as number;
      H += h[r] as number;
    }
    return [G, H];
  }

  function grow(members: Int32Array, levels: number): TreeNode {
    const [G, H] = sums(members);
    const leaf = Math.round((-G / (H + lambda)) * shrinkage * 1e4) / 1e4;
    if (levels === 0) return leaf;
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
        if (gain > minGain && (best === null || gain > best.gain)) best = { gain, feature: k, cut: c };
      }
    }
    if (best === null) return leaf;
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
