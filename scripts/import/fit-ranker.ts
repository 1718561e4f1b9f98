/**
 * One ranking problem: candidates' feature vectors and which one is right (-1: none, skipped). When the
 * right line occurs more than once among the candidates (a headline repeated in the page), `positives`
 * may list every copy: the loss then asks for the mass on any of them, not on one copy against the others.
 */
export interface RankingExample {
  candidates: ReadonlyArray<{ features: readonly number[] }>;
  positive: number;
  positives?: readonly number[];
}

/** The right candidates of an example: `positives` when given (with `positive`), else `positive` alone. */
export function rightCandidates(example: RankingExample): number[] {
  const all = new Set([example.positive, ...(example.positives ?? [])]);
  return [...all].filter((i) => i >= 0 && i < example.candidates.length).sort((a, b) => a - b);
}

/** Settings of `fitRanker`; the defaults are those the committed title model was trained with. */
export interface FitOptions {
  /** Full-batch gradient steps. Default 1500. */
  steps?: number;
  /** Step size. Default 1. */
  rate?: number;
  /** L2 penalty on the weights. Default 0.0003. */
  l2?: number;
}

/**
 * Fits a linear ranker: weights `w` such that, in each example, softmax(w · features) puts its mass on
 * the right candidate (listwise log-loss, full-batch gradient descent from zero weights with an L2
 * penalty). Deterministic: no randomness, the same examples give the same weights.
 */
export function fitRanker(
  examples: readonly RankingExample[],
  size: number,
  options: FitOptions = {},
): number[] {
  const { steps = 1500, rate = 1, l2 = 3e-4 } = options;
  const w = new Float64Array(size);
  const usable = examples.filter((e) => e.positive >= 0 && e.positive < e.candidates.length);
  if (usable.length === 0) return [...w];
  // The candidates' features in one flat array (row per candidate), each example a range of rows: the
  // gradient loop then runs over typed arrays only.
  const rows = usable.reduce((n, e) => n + e.candidates.length, 0);
  const x = new Float64Array(rows * size);
  const starts = new Int32Array(usable.length + 1);
  const right = new Uint8Array(rows);
  let row = 0;
  usable.forEach((example, e) => {
    starts[e] = row;
    for (const i of rightCandidates(example)) right[row + i] = 1;
    for (const c of example.candidates) {
      for (let k = 0; k < size; k++) x[row * size + k] = c.features[k] ?? 0;
      row++;
    }
  });
  starts[usable.length] = rows;
  const scores = new Float64Array(rows);
  const grad = new Float64Array(size);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    for (let e = 0; e < usable.length; e++) {
      const from = starts[e] as number;
      const to = starts[e + 1] as number;
      let max = Number.NEGATIVE_INFINITY;
      for (let r = from; r < to; r++) {
        let s = 0;
        for (let k = 0; k < size; k++) s += (x[r * size + k] as number) * (w[k] as number);
        scores[r] = s;
        if (s > max) max = s;
      }
      let z = 0;
      let zRight = 0;
      for (let r = from; r < to; r++) {
        const v = Math.exp((scores[r] as number) - max);
        scores[r] = v;
        z += v;
        if (right[r] === 1) zRight += v;
      }
      // The gradient of -log(sum of the right candidates' probabilities): p − p / p(right) on them.
      for (let r = from; r < to; r++) {
        const v = scores[r] as number;
        const g = v / z - (right[r] === 1 ? v / zRight : 0);
        if (g === 0) continue;
        for (let k = 0; k < size; k++) grad[k] = (grad[k] as number) + g * (x[r * size + k] as number);
      }
    }
    for (let k = 0; k < size; k++)
      w[k] = (w[k] as number) - rate * ((grad[k] as number) / usable.length + l2 * (w[k] as number));
  }
  return [...w];
}
