/** One ranking problem: candidates' feature vectors and which one is right (-1: none, skipped). */
export interface RankingExample {
  candidates: ReadonlyArray<{ features: readonly number[] }>;
  positive: number;
}

/** Settings of `fitRanker`; the defaults are those the committed title model was trained with. */
export interface FitOptions {
  /** Full-batch gradient steps. Default 1500. */
  steps?: number;
  /** Step size. Default 1. */
  rate?: number;
  /** L2 penalty on the weights. Default 0.001. */
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
  const { steps = 1500, rate = 1, l2 = 1e-3 } = options;
  const w = new Array<number>(size).fill(0);
  const usable = examples.filter((e) => e.positive >= 0 && e.positive < e.candidates.length);
  if (usable.length === 0) return w;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(size).fill(0);
    for (const example of usable) {
      const scores = example.candidates.map((c) => c.features.reduce((s, x, k) => s + x * (w[k] ?? 0), 0));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const z = exps.reduce((a, b) => a + b, 0);
      example.candidates.forEach((c, i) => {
        const g = (exps[i] ?? 0) / z - (i === example.positive ? 1 : 0);
        for (let k = 0; k < size; k++) grad[k] = (grad[k] ?? 0) + g * (c.features[k] ?? 0);
      });
    }
    for (let k = 0; k < size; k++)
      w[k] = (w[k] ?? 0) - rate * ((grad[k] ?? 0) / usable.length + l2 * (w[k] ?? 0));
  }
  return w;
}
