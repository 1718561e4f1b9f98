import { suite } from "uvu";
import * as assert from "uvu/assert";
import { binRows, growTree } from "../../scripts/import/grow-tree.ts";

const test = suite("grow-tree");

const options = { depth: 1, lambda: 0, minWeight: 1, shrinkage: 1, minGain: 1e-12 };

test("a feature with few values is cut at each value but the largest", () => {
  const x = Float64Array.from([0, 1, 2, 2, 1, 0]);
  const data = binRows(x, 6, 1, 12);
  assert.equal(data.thresholds, [[0, 1]]);
  assert.equal([...data.bin], [0, 1, 2, 2, 1, 0]);
});

test("a feature with many values is cut at quantiles, never at its largest value", () => {
  const x = Float64Array.from({ length: 100 }, (_, i) => i);
  const data = binRows(x, 100, 1, 4);
  assert.equal(data.thresholds, [[20, 40, 60, 80]]);
  const skewed = Float64Array.from({ length: 100 }, (_, i) => (i < 10 ? i : 50));
  assert.ok(binRows(skewed, 100, 1, 4).thresholds[0]?.every((t) => t < 50));
});

test("the split is on the feature that separates the gradients, with Newton leaf values", () => {
  // Feature 0 is noise; feature 1 tells the rows that want a higher score (negative gradient).
  const x = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 1]);
  const g = Float64Array.from([1, 1, -1, -1]);
  const h = Float64Array.from([1, 1, 1, 1]);
  const tree = growTree(binRows(x, 4, 2, 12), g, h, options);
  assert.equal(tree, { feature: 1, threshold: 0, lo: -1, hi: 1 });
});

test("no split leaves either side lighter than minWeight; depth 0 is one leaf", () => {
  const x = Float64Array.from([0, 1, 1, 1]);
  const g = Float64Array.from([2, -1, -1, -1]);
  const h = Float64Array.from([1, 1, 1, 1]);
  const data = binRows(x, 4, 1, 12);
  assert.equal(growTree(data, g, h, { ...options, minWeight: 2 }), 0.25);
  assert.equal(growTree(data, g, h, { ...options, depth: 0, shrinkage: 0.5 }), 0.125);
});

test.run();
