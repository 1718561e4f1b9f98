import { suite } from "uvu";
import * as assert from "uvu/assert";
import { boostRanker } from "../../scripts/import/boost-ranker.ts";
import { treeValue } from "../../src/import/rank-titles.ts";

// The right candidate has both features set; a linear model cannot tell it from the candidates with
// one of them (the pair matters, as "top of the page" and "made of menu words" do), trees can.
const examples = Array.from({ length: 30 }, () => ({
  candidates: [{ features: [1, 0] }, { features: [1, 1] }, { features: [0, 1] }, { features: [0, 0] }],
  positive: 1,
}));

const boost = suite("boostRanker");
boost("adds trees that rank the right candidate first where the linear score ties", () => {
  const trees = boostRanker(examples, [0, 0], { rounds: 20, minWeight: 1, lambda: 1 });
  assert.is(trees.length, 20);
  const scores = (examples[0]?.candidates ?? []).map((c) =>
    trees.reduce((s: number, t) => s + treeValue(t, c.features), 0),
  );
  assert.is(scores.indexOf(Math.max(...scores)), 1);
});
boost("is deterministic and skips examples without a right candidate", () => {
  const a = boostRanker([...examples, { candidates: [{ features: [1, 1] }], positive: -1 }], [0, 0], {
    rounds: 5,
  });
  assert.equal(a, boostRanker(examples, [0, 0], { rounds: 5 }));
});
boost("with several right candidates, ranks any of them first, not one copy against the others", () => {
  // Candidates 0 and 1 are both right: the trees lift them over the rest and leave them tied.
  const copies = examples.map((e) => ({ ...e, positive: 0, positives: [0, 1] }));
  const trees = boostRanker(copies, [0, 0], { rounds: 20, minWeight: 1, lambda: 1 });
  const scores = (copies[0]?.candidates ?? []).map((c) =>
    trees.reduce((s: number, t) => s + treeValue(t, c.features), 0),
  );
  assert.ok(Math.min(scores[0] ?? 0, scores[1] ?? 0) > Math.max(scores[2] ?? 0, scores[3] ?? 0), `${scores}`);
});
boost.run();
