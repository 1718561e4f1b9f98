import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  RANKER_FEATURES,
  rankTitles,
  scoreCandidate,
  titleCandidates,
  treeValue,
} from "../../src/import/rank-titles.ts";
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
  for (const c of found) assert.is(c.features.length, RANKER_FEATURES.length);
});
candidates("a line of three items joined by wide gaps (a breadcrumb trail) is no candidate", () => {
  const lines = linesOf(
    ["Games  Sim  The Sims 4", "The Sims 4 career cheats to get ahead at work", paragraph(40, "sims")].join(
      "\n",
    ),
  );
  const found = titleCandidates(lines, 2).map((c) => c.index);
  assert.not.ok(found.includes(0));
  assert.ok(found.includes(1));
  assert.is(rankTitles(lines, 2)?.index, 1);
});
candidates("page furniture (a reading time, a pager, a breadcrumb trail) is no candidate", () => {
  const lines = linesOf(
    [
      "Home » Weather » Storm floods the old town",
      "Storm floods the old town overnight",
      "6 min read",
      "Page 1 of 8",
      paragraph(40, "flood"),
    ].join("\n"),
  );
  const found = titleCandidates(lines, 4).map((c) => c.index);
  assert.equal(found.includes(0) || found.includes(2) || found.includes(3), false);
  assert.ok(found.includes(1));
});
candidates.run();

const score = suite("scoreCandidate");
score("the dot product of weights and features, plus the trees' values", () => {
  assert.is(scoreCandidate({ features: ["a", "b"], weights: [2, -1] }, [1, 3]), -1);
  const trees = [{ feature: 0, threshold: 0.5, lo: -1, hi: 0.5 }, 0.25];
  assert.is(scoreCandidate({ features: ["a", "b"], weights: [2, -1], trees }, [1, 3]), -0.25);
});
score.run();

const tree = suite("treeValue");
tree("follows the splits to a leaf", () => {
  const t = { feature: 1, threshold: 2, lo: { feature: 0, threshold: 0, lo: 1, hi: 2 }, hi: 3 };
  assert.is(treeValue(t, [0, 2]), 1);
  assert.is(treeValue(t, [1, 2]), 2);
  assert.is(treeValue(t, [0, 5]), 3);
  assert.is(treeValue(4, []), 4);
});
tree.run();

const rank = suite("rankTitles");
rank("the committed model matches the features and picks the headline over menus and bylines", () => {
  assert.equal(MODEL.features, [...RANKER_FEATURES]);
  assert.is(rankTitles(page(), 5)?.index, 2);
});
rank("a model trained for other features is refused", () => {
  assert.throws(() => rankTitles(page(), 5, { features: ["x"], weights: [1] }), /retrain/);
});
rank("no candidate: null", () => {
  assert.is(rankTitles(linesOf("Home"), 1), null);
});
rank.run();
