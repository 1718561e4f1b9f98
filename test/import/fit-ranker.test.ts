import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fitRanker } from "../../scripts/import/fit-ranker.ts";

// Feature 0 marks the right candidate, feature 1 is noise that points the other way half the time.
const examples = Array.from({ length: 20 }, (_, n) => ({
  candidates: [{ features: [0, n % 2] }, { features: [1, (n + 1) % 2] }, { features: [0, 1] }],
  positive: 1,
}));

const fit = suite("fitRanker");
fit("learns the feature that marks the right candidate, so it ranks first", () => {
  const w = fitRanker(examples, 2, { steps: 300 });
  assert.ok((w[0] ?? 0) > 1, `weight ${w[0]}`);
  for (const e of examples) {
    const scores = e.candidates.map((c) => c.features.reduce((s, x, k) => s + x * (w[k] ?? 0), 0));
    assert.is(scores.indexOf(Math.max(...scores)), e.positive);
  }
});
fit("is deterministic and skips examples without a right candidate", () => {
  const a = fitRanker([...examples, { candidates: [{ features: [5, 5] }], positive: -1 }], 2, { steps: 50 });
  assert.equal(a, fitRanker(examples, 2, { steps: 50 }));
  assert.equal(fitRanker([], 3), [0, 0, 0]);
});
fit.run();
