import { suite } from "uvu";
import * as assert from "uvu/assert";
import { rankTitles, scoreCandidate, titleCandidates } from "../../src/import/rank-titles.ts";
import { TITLE_FEATURES } from "../../src/import/title-features.ts";
import MODEL from "../../src/import/title-model.json" with { type: "json" };
import { linesOf, paragraph } from "./lines.ts";

const page = () =>
  linesOf(
    [
      "Home",
      "World",
      "Storm floods the old town overnight",
      "By Jane Doe",
      "12 June 2023",
      paragraph(40, "flood"),
      paragraph(50, "town"),
      paragraph(45, "storm"),
    ].join("\n\n"),
  );

const candidates = suite("titleCandidates");
candidates("lines of 2–30 words above the text and a few of it, each with every feature", () => {
  const lines = page();
  const found = titleCandidates(lines, 5);
  assert.ok(found.some((c) => c.index === 2));
  assert.not.ok(
    found.some((c) => c.index === 0),
    "one word is no headline",
  );
  for (const c of found) assert.is(c.features.length, TITLE_FEATURES.length);
});
candidates.run();

const score = suite("scoreCandidate");
score("the dot product of weights and features", () => {
  assert.is(scoreCandidate({ features: ["a", "b"], weights: [2, -1] }, [1, 3]), -1);
});
score.run();

const rank = suite("rankTitles");
rank("the committed model matches the features and picks the headline over menus and bylines", () => {
  assert.equal(MODEL.features, [...TITLE_FEATURES]);
  assert.is(rankTitles(page(), 5)?.index, 2);
});
rank("a model trained for other features is refused", () => {
  assert.throws(() => rankTitles(page(), 5, { features: ["x"], weights: [1] }), /retrain/);
});
rank("no candidate: null", () => {
  assert.is(rankTitles(linesOf("Home"), 1), null);
});
rank.run();
