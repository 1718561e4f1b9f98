import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BODY_LINE_FEATURES } from "../../src/import/body-line-features.ts";
import MODEL from "../../src/import/body-model.json" with { type: "json" };
import { bodyLineProbability, filterBodyLines } from "../../src/import/filter-body-lines.ts";
import { splitLines } from "../../src/import/normalize-text.ts";

const PARAGRAPH =
  "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that two of its piers had moved.";

const filter = suite("filterBodyLines");

filter("the committed model matches the feature list and keeps a run of paragraphs whole", () => {
  assert.equal(MODEL.features, [...BODY_LINE_FEATURES]);
  assert.is(MODEL.weights.length, BODY_LINE_FEATURES.length);
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

filter.run();
probability.run();
