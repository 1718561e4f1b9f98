import { suite } from "uvu";
import * as assert from "uvu/assert";
import { RELATIVE_TITLE_FEATURES, relativeTitleFeatures } from "../../src/import/relative-title-features.ts";
import { TITLE_FEATURES } from "../../src/import/title-features.ts";

/** A feature row with only the likeness features (and, if given, shared words and rule score) set. */
const row = (text: number, lede: number, shared = 0, rule = 0): number[] => {
  const r = TITLE_FEATURES.map(() => 0);
  r[TITLE_FEATURES.indexOf("likeness to the text")] = text;
  r[TITLE_FEATURES.indexOf("likeness to the lede")] = lede;
  r[TITLE_FEATURES.indexOf("shared words (count)")] = shared;
  r[TITLE_FEATURES.indexOf("rule score")] = rule;
  return r;
};

const relative = suite("relativeTitleFeatures");
relative("marks the candidates with the page's best likeness and how far below it the others are", () => {
  const out = relativeTitleFeatures([row(0.8, 0.2), row(0.3, 0.6), row(0.8, 0)]);
  assert.is(out.length, 3);
  for (const r of out) assert.is(r.length, RELATIVE_TITLE_FEATURES.length);
  const f = (k: number, name: (typeof RELATIVE_TITLE_FEATURES)[number]) =>
    out[k]?.[RELATIVE_TITLE_FEATURES.indexOf(name)];
  assert.is(f(0, "most likeness to the text on the page"), 1);
  assert.is(f(2, "most likeness to the text on the page"), 1, "ties are all best");
  assert.is(f(1, "most likeness to the text on the page"), 0);
  assert.ok(Math.abs((f(1, "below the page's best likeness to the text") ?? 0) + 0.5) < 1e-9);
  assert.is(f(1, "most likeness to the lede on the page"), 1);
  assert.ok(Math.abs((f(2, "below the page's best likeness to the lede") ?? 0) + 0.6) < 1e-9);
});
relative("the most words shared with the text and the best rule score of the page", () => {
  const out = relativeTitleFeatures([row(0, 0, 1, 0.5), row(0, 0, 0.5, -0.25)]);
  const f = (k: number, name: (typeof RELATIVE_TITLE_FEATURES)[number]) =>
    out[k]?.[RELATIVE_TITLE_FEATURES.indexOf(name)];
  assert.is(f(0, "most shared words on the page"), 1);
  assert.is(f(1, "most shared words on the page"), 0);
  assert.is(f(1, "below the page's most shared words"), -0.5);
  assert.is(f(0, "best rule score on the page"), 1);
  assert.is(f(1, "below the page's best rule score"), -0.75);
});
relative("no likeness anywhere: nobody is best", () => {
  const out = relativeTitleFeatures([row(0, 0), row(0, 0)]);
  assert.equal(out[0], [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(relativeTitleFeatures([]), []);
});
relative.run();
