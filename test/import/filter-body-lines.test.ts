import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BODY_LINE_FEATURES } from "../../src/import/body-line-features.ts";
import MODEL from "../../src/import/body-model.json" with { type: "json" };
import {
  bodyLineProbabilities,
  bodyLineProbability,
  CONTEXT_FEATURES,
  contextFeatures,
  filterBodyLines,
  firstStageScore,
  linearScore,
} from "../../src/import/filter-body-lines.ts";
import { splitLines } from "../../src/import/normalize-text.ts";

const PARAGRAPH =
  "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that two of its piers had moved.";

const filter = suite("filterBodyLines");

filter("the committed model matches the feature list and keeps a run of paragraphs whole", () => {
  assert.equal(MODEL.features, [...BODY_LINE_FEATURES]);
  assert.is(MODEL.weights.length, BODY_LINE_FEATURES.length);
  assert.equal(MODEL.context?.features, [...CONTEXT_FEATURES]);
  assert.is(MODEL.context?.weights.length, CONTEXT_FEATURES.length);
  assert.ok((MODEL.trees?.length ?? 0) > 0);
  const lines = splitLines(
    [PARAGRAPH, PARAGRAPH.replace("Tuesday", "Monday"), PARAGRAPH.replace("old", "new")].join("\n\n"),
  );
  const out = filterBodyLines(lines, lines);
  assert.is(out.lines.length, 3);
  assert.is(out.removed.length, 0);
});

filter("a line the model scores below its cut-off is left out; a model of other features keeps all", () => {
  const lines = splitLines(`${PARAGRAPH}\n\nSign up for our newsletter\n\n${PARAGRAPH}`);
  // A model that only reads "call to action" (strongly against) and the bias (for).
  const weights = BODY_LINE_FEATURES.map((f) => (f === "bias" ? 2 : f === "call to action" ? -6 : 0));
  const model = { features: BODY_LINE_FEATURES, weights, threshold: 0.5 };
  const out = filterBodyLines(lines, lines, model);
  assert.equal(
    out.removed.map((l) => l.text),
    ["Sign up for our newsletter"],
  );
  assert.is(out.lines.length, 2);
  const other = filterBodyLines(lines, lines, { features: ["bias"], weights: [-9], threshold: 0.5 });
  assert.is(other.lines.length, 3);
});

const probability = suite("bodyLineProbability");

probability("the logistic of the weighted features", () => {
  const model = { features: ["a", "b"], weights: [1, -1], threshold: 0.5 };
  assert.is(bodyLineProbability(model, [0, 0]), 0.5);
  assert.ok(Math.abs(bodyLineProbability(model, [2, 0]) - 1 / (1 + Math.exp(-2))) < 1e-12);
});

const score = suite("linearScore");

score("the weighted sum of the features; missing weights count as zero", () => {
  assert.is(linearScore([1, -2, 0.5], [3, 1, 2]), 2);
  assert.is(linearScore([1], [3, 1]), 3);
});

const first = suite("firstStageScore");

first("the linear score plus every tree's value for the line", () => {
  const tree = { feature: 1, threshold: 0.5, lo: -1, hi: { feature: 0, threshold: 2, lo: 3, hi: 4 } };
  const model = { features: ["a", "b"], weights: [1, 1], threshold: 0.5, trees: [tree, 0.25] };
  assert.is(firstStageScore(model, [1, 0]), 1 - 1 + 0.25);
  assert.is(firstStageScore(model, [1, 1]), 2 + 3 + 0.25);
  assert.is(firstStageScore(model, [3, 1]), 4 + 4 + 0.25);
  assert.is(firstStageScore({ ...model, trees: [] }, [3, 1]), 4);
  assert.ok(Math.abs(bodyLineProbability(model, [1, 0]) - 1 / (1 + Math.exp(-0.25))) < 1e-12);
});

const context = suite("contextFeatures");

context("each line's own score and its neighbours' probabilities, one row per line", () => {
  const rows = contextFeatures([0, 0, 50, -50]);
  assert.is(rows.length, 4);
  for (const row of rows) assert.is(row.length, CONTEXT_FEATURES.length);
  const at = (i: number, name: (typeof CONTEXT_FEATURES)[number]): number =>
    rows[i]?.[CONTEXT_FEATURES.indexOf(name)] ?? Number.NaN;
  assert.is(at(0, "bias"), 1);
  // Scores are clipped to ±10.
  assert.is(at(2, "score"), 10);
  assert.is(at(3, "score"), -10);
  // The first line has nothing above it: the line itself stands in.
  assert.is(at(0, "probability above"), 0.5);
  assert.is(at(0, "probability below"), 0.5);
  assert.ok(at(1, "probability below") > 0.99);
  assert.ok(at(3, "probability above") > 0.99);
  assert.ok(Math.abs(at(3, "mean probability of the text above") - (0.5 + 0.5 + 1) / 3) < 1e-9);
  assert.ok(Math.abs(at(0, "mean probability of the text below") - (0.5 + 1 + 0) / 3) < 1e-6);
  assert.ok(Math.abs(at(2, "mean probability around") - (0.5 + 0.5 + 0) / 3) < 1e-6);
  assert.equal(contextFeatures([]), []);
});

const probabilities = suite("bodyLineProbabilities");

probabilities(
  "the second stage judges a line with its neighbours; without one the first stage decides",
  () => {
    // First stage: the bias only (every line alike); second: "probability below" decides.
    const features = [[1], [1], [1]];
    const first = { features: ["bias"], weights: [0], threshold: 0.5 };
    assert.equal(bodyLineProbabilities(first, features), [0.5, 0.5, 0.5]);
    const weights = CONTEXT_FEATURES.map((f) => (f === "bias" ? -5 : f === "probability below" ? 12 : 0));
    const model = { ...first, context: { features: CONTEXT_FEATURES, weights } };
    const p = bodyLineProbabilities(model, features);
    assert.ok(p.every((x) => Math.abs(x - 1 / (1 + Math.exp(-1))) < 1e-9));
    // A second stage of other features is ignored.
    const other = { ...first, context: { features: ["bias"], weights: [9] } };
    assert.equal(bodyLineProbabilities(other, features), [0.5, 0.5, 0.5]);
  },
);

filter.run();
probability.run();
score.run();
first.run();
context.run();
probabilities.run();
