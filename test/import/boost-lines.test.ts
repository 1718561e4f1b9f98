import { suite } from "uvu";
import * as assert from "uvu/assert";
import { boostLines } from "../../scripts/import/boost-lines.ts";
import { treeValue } from "../../src/import/rank-titles.ts";

// A line is article text unless both its features are set ("short line" and "after an end marker"),
// and lines with the first one alone are rare: the trees must read the pair.
const kinds = [
  { features: [0, 0], positive: true },
  { features: [1, 0], positive: true },
  { features: [0, 1], positive: true },
  { features: [1, 1], positive: false },
  { features: [0, 0], positive: true },
  { features: [0, 1], positive: true },
  { features: [1, 1], positive: false },
  { features: [1, 1], positive: false },
];
const examples = Array.from({ length: 40 }, (_, i) => ({
  ...(kinds[i % 8] as (typeof kinds)[0]),
  weight: 1,
  base: 0,
}));
const value = (trees: ReturnType<typeof boostLines>, features: number[]): number =>
  trees.reduce((s: number, t) => s + treeValue(t, features), 0);

const boost = suite("boostLines");
boost("adds trees that tell lines apart by a pair of features", () => {
  const trees = boostLines(examples, { rounds: 30, shrinkage: 0.3, lambda: 0, minWeight: 0.01 });
  assert.is(trees.length, 30);
  for (const kind of kinds) assert.is(value(trees, kind.features) > 0, kind.positive, String(kind.features));
});
boost("starts from each line's base score and weighs lines by their weight", () => {
  // The base already leans against the pair: the trees lean less far.
  const leaning = examples.map((e) => ({ ...e, base: e.features[0] === 1 && e.features[1] === 1 ? -2 : 0 }));
  const from = boostLines(examples, { rounds: 5, minWeight: 0.01 });
  const after = boostLines(leaning, { rounds: 5, minWeight: 0.01 });
  assert.ok(value(after, [1, 1]) > value(from, [1, 1]));
  // The lines that are text weigh more: the trees lean towards text.
  const even = boostLines(examples, { rounds: 10, minWeight: 0.01 });
  const heavy = boostLines(
    examples.map((e) => ({ ...e, weight: e.positive ? 5 : 1 })),
    { rounds: 10, minWeight: 0.01 },
  );
  assert.ok(value(heavy, [1, 1]) > value(even, [1, 1]));
});
boost("is deterministic", () => {
  assert.equal(boostLines(examples, { rounds: 5 }), boostLines(examples, { rounds: 5 }));
});
boost.run();
