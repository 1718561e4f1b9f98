import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  closing,
  doubled,
  TITLE_FEATURES,
  textVocabulary,
  titleContext,
  titleFeatures,
} from "../../src/import/title-features.ts";
import { linesOf, paragraph } from "./lines.ts";

const page = () =>
  linesOf(
    [
      "Example Garden Blog",
      "Home » Garden » Organic Pest Control for the Garden",
      "Organic Pest Control for the Garden",
      "Jane Doe",
      "Senior Editor, Example Garden Blog",
      "Get a Quote for $99 today!",
      `Some organic pest control keeps the garden healthy ${paragraph(30, "garden")}`,
      paragraph(40, "pest"),
      "© 2025 Example Garden Blog. All rights reserved.",
    ].join("\n"),
  );

const feature = (lines: ReturnType<typeof page>, i: number, name: (typeof TITLE_FEATURES)[number]) => {
  const context = titleContext(lines, 6);
  return titleFeatures(lines, i, 6, null, false, context, false)[TITLE_FEATURES.indexOf(name)];
};

const vocabulary = suite("textVocabulary");
vocabulary("the longer words of the text, lower-cased", () => {
  const words = textVocabulary(page(), 6);
  assert.ok(words.has("organic") && words.has("garden"));
  assert.not.ok(words.has("quote"), "from the text, not above it");
  assert.not.ok(words.has("the"), "short words are left out");
});
vocabulary.run();

const context = suite("titleContext");
context("counts lines in any case, keeps copyright lines and the text's word frequencies", () => {
  const c = titleContext(page(), 6);
  assert.is(c.counts.get("organic pest control for the garden"), 1);
  assert.ok(c.copyright.includes("example garden blog"));
  assert.ok((c.frequency.get("garden") ?? 0) >= 30);
  assert.is(c.frequency.get("quote"), undefined, "only the text counts");
  assert.is(c.last.get("organic pest control for the garden"), 2);
  assert.ok(c.lede.has("organic") && c.lede.has("garden"), "the text's first words");
  assert.ok(c.frequency.has("rights"));
  assert.not.ok(c.lede.has("rights"), "only the first 80 words");
});
context.run();

const features = suite("titleFeatures");
features("one value per feature, each scaled to at most 2 either way", () => {
  const lines = page();
  for (let i = 0; i < lines.length; i++) {
    const values = titleFeatures(lines, i, 6, null, false, titleContext(lines, 6), false);
    assert.is(values.length, TITLE_FEATURES.length);
    for (const v of values) assert.ok(v >= -2 && v <= 2, `${v}`);
  }
});
features("a breadcrumb trail, the headline at its end, a site name, a role, a sales prompt", () => {
  const lines = page();
  assert.is(feature(lines, 1, "breadcrumb trail"), 1);
  assert.is(feature(lines, 2, "breadcrumb trail"), 0);
  assert.is(feature(lines, 2, "end of a nearby line"), 1);
  assert.is(feature(lines, 0, "in a copyright line"), 1);
  assert.is(feature(lines, 2, "in a copyright line"), 0);
  assert.is(feature(lines, 3, "name-like"), 1);
  assert.is(feature(lines, 2, "name-like"), 0);
  assert.is(feature(lines, 4, "role or affiliation"), 1);
  assert.is(feature(lines, 5, "call to action"), 1);
  assert.is(feature(lines, 5, "price or percentage"), 1);
  assert.is(feature(lines, 2, "call to action"), 0);
  assert.ok(
    (feature(lines, 2, "likeness to the text") ?? 0) > (feature(lines, 5, "likeness to the text") ?? 0),
  );
});
features("glued menus, lists of names, numbered items, the same line in capitals", () => {
  const lines = linesOf(
    [
      "NewsTech trailTrade floorExport",
      "ANNA SMITH, JOHN DOE, AND MARY ROE",
      "1. The first pick of the list",
      "Best Drip Coffee Makers",
      "BEST DRIP COFFEE MAKERS",
      paragraph(40),
    ].join("\n"),
  );
  const c = titleContext(lines, 5);
  const f = (i: number, name: (typeof TITLE_FEATURES)[number]) =>
    titleFeatures(lines, i, 5, null, false, c, false)[TITLE_FEATURES.indexOf(name)];
  assert.is(f(0, "glued words"), 1);
  assert.is(f(3, "glued words"), 0);
  assert.is(f(1, "list of names"), 1);
  assert.is(f(3, "list of names"), 0);
  assert.is(f(2, "starts with a number"), 1);
  assert.is(f(3, "same line nearby, other case"), 1);
  assert.is(f(3, "top 8 lines"), 1);
  assert.is(f(5, "inside the text"), 1);
});
features("menus and tag lists, a doubled card, the lede, standfirsts and section labels around", () => {
  const lines = linesOf(
    [
      "Home Services Contact Shop Careers Events",
      "Opinion",
      "Storm floods the old town overnight",
      "Residents of the old town woke to water in the streets after a night of heavy rain across the valley",
      "By Jane Doe",
      "Rain, wind, floods, towns, weather",
      "Other story todayOther story today",
      "Storm floods the old town overnight",
      `The storm floods reached the old town before dawn ${paragraph(30, "rain")}`,
      paragraph(40, "water"),
    ].join("\n"),
  );
  const c = titleContext(lines, 8);
  const f = (i: number, name: (typeof TITLE_FEATURES)[number]) =>
    titleFeatures(lines, i, 8, null, false, c, false)[TITLE_FEATURES.indexOf(name)];
  assert.is(f(0, "6+ words, no function word"), 1);
  assert.is(f(2, "6+ words, no function word"), 0);
  assert.ok((f(2, "function word share") ?? 0) > (f(0, "function word share") ?? 0));
  assert.is(f(5, "commas (count)"), 0.8);
  assert.is(f(6, "doubled text"), 1);
  assert.is(f(2, "doubled text"), 0);
  assert.ok((f(2, "likeness to the lede") ?? 0) > 0.5);
  assert.is(f(0, "likeness to the lede"), 0);
  assert.is(f(3, "longer than a headline-like line above"), 1);
  assert.is(f(2, "longer than a headline-like line above"), 0);
  assert.is(f(2, "shorter than a headline-like line below"), 1);
  assert.is(f(2, "short label above"), 1);
  assert.is(f(1, "short label above"), 0, "the menu above is six words");
  assert.is(f(3, "byline or date right below"), 1);
  assert.is(f(0, "byline or date right below"), 0);
  assert.is(f(4, "byline or date itself"), 1);
  assert.is(f(2, "byline or date itself"), 0);
});
features("repetition: how often, right beside it, again inside the text, among short lines", () => {
  const lines = linesOf(
    [
      "Contents",
      "Why it floods",
      "What to do",
      "Example Garden Guide",
      "Example Garden Guide",
      "Why the old town floods every spring",
      paragraph(40, "flood"),
      "Why it floods",
      paragraph(40, "water"),
    ].join("\n"),
  );
  const c = titleContext(lines, 6);
  const f = (i: number, name: (typeof TITLE_FEATURES)[number]) =>
    titleFeatures(lines, i, 6, null, false, c, false)[TITLE_FEATURES.indexOf(name)];
  assert.is(f(1, "reappears inside the text"), 1);
  assert.is(f(5, "reappears inside the text"), 0);
  assert.is(f(3, "same line right above or below"), 1);
  assert.is(f(5, "same line right above or below"), 0);
  assert.is(f(3, "occurrences in the page"), 0.25);
  assert.is(f(5, "occurrences in the page"), 0);
  assert.is(f(1, "short lines around (share)"), 4 / 6);
  assert.is(f(8, "short lines around (share)"), 1 / 6);
});
features("icons of buttons and menus, a byline too long to read as one", () => {
  const lines = linesOf(
    [
      "Jane Doe Posts RSS ◂◂RSS Contact",
      "Storm floods the old town overnight",
      "By Jane Doe | 4:30 PM on a rainy night in the valley, Example News Weather Desk",
      paragraph(40, "flood"),
    ].join("\n"),
  );
  const c = titleContext(lines, 3);
  const f = (i: number, name: (typeof TITLE_FEATURES)[number]) =>
    titleFeatures(lines, i, 3, null, false, c, false)[TITLE_FEATURES.indexOf(name)];
  assert.is(f(0, "symbols"), 1);
  assert.is(f(1, "symbols"), 0);
  assert.is(f(2, "starts with by"), 1);
  assert.is(f(1, "starts with by"), 0);
});
features("a section label over the headline, a byline right below it, product boxes' closing prices", () => {
  const lines = linesOf(
    [
      "Markets and Finance",
      "Storm floods the old town overnight",
      "By Jane Doe",
      "Example Kettle at Amazon $200",
      "Other Kettle at Amazon $58",
      "Third Kettle at Amazon $35",
      paragraph(40, "flood"),
    ].join("\n"),
  );
  const c = titleContext(lines, 6);
  const f = (i: number, name: (typeof TITLE_FEATURES)[number]) =>
    titleFeatures(lines, i, 6, null, false, c, false)[TITLE_FEATURES.indexOf(name)];
  assert.is(f(0, "line below heads a byline"), 1);
  assert.is(f(1, "line below heads a byline"), 0);
  assert.is(f(1, "byline or date directly below"), 1);
  assert.is(f(0, "byline or date directly below"), 0);
  assert.is(f(3, "closes like other lines"), 1);
  assert.is(f(1, "closes like other lines"), 0);
});
features.run();

const closes = suite("closing");
closes("the last word's shape: prices and scores alike, words lower-cased", () => {
  assert.is(closing("Example Kettle at Amazon $200"), "$#");
  assert.is(closing("Other Kettle at Amazon $58"), "$#");
  assert.is(closing("Ease of Use 8.6"), "#.#");
  assert.is(closing("Best Electric Kettles"), "kettles");
  assert.is(closing(""), "");
});
closes.run();

const twice = suite("doubled");
twice("the same text twice, glued or with a space", () => {
  assert.ok(doubled("Creating a Steam pageCreating a Steam page"));
  assert.ok(doubled("Creating a Steam page Creating a Steam page"));
  assert.not.ok(doubled("Creating a Steam page for your game"));
  assert.not.ok(doubled("abab"), "too short to tell");
});
twice.run();
