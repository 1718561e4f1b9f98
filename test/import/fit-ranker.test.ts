import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fitRanker, rightCandidates } from "../../scripts/import/fit-ranker.ts";

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
fit("counts every copy of the right line as right when positives lists them", () => {
  // Candidates 0 and 2 are the same headline (feature 0); feature 1 marks the first copy only. With one
  // positive the second copy is a wrong answer, so the headline's feature is worth less than the place's;
  // with both, the headline's feature carries the weight and either copy ranks above the wrong line.
  const copies = Array.from({ length: 20 }, () => ({
    candidates: [{ features: [1, 1] }, { features: [0, 0] }, { features: [1, 0] }],
    positive: 0,
  }));
  const one = fitRanker(copies, 2, { steps: 300 });
  const both = fitRanker(
    copies.map((e) => ({ ...e, positives: [0, 2] })),
    2,
    { steps: 300 },
  );
  assert.ok((one[0] ?? 0) < (one[1] ?? 0), `one copy: weights ${one}`);
  assert.ok((both[0] ?? 0) > (one[0] ?? 0) + 1, `both copies: weights ${both}, one copy ${one}`);
  assert.ok((both[0] ?? 0) > 1, `both copies: weights ${both}`);
  // A single positive gives the same weights with or without positives.
  assert.equal(
    fitRanker(
      examples.map((e) => ({ ...e, positives: [e.positive] })),
      2,
      { steps: 50 },
    ),
    fitRanker(examples, 2, { steps: 50 }),
  );
});
fit("rightCandidates: positive and positives, in range, once each, in order", () => {
  const candidates = [{ features: [0] }, { features: [1] }, { features: [2] }];
  assert.equal(rightCandidates({ candidates, positive: 1 }), [1]);
  assert.equal(rightCandidates({ candidates, positive: 2, positives: [2, 0, 7] }), [0, 2]);
});
fit.run();
