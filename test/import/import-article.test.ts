import { suite } from "uvu";
import * as assert from "uvu/assert";
import { importArticle } from "../../src/import/import-article.ts";
import { paragraph } from "./lines.ts";

const page = (lead = "Jan. 31, 2019 - "): string =>
  [
    "Home",
    "World",
    "Business",
    "Ministers Agree on a New Plan for the Coast",
    "By Jane Doe",
    `${lead}${paragraph(30)}`,
    paragraph(40),
    "Source: Example Wire",
    "Related stories",
    "Another story headline goes here",
    "A teaser of another story that is cut off...",
  ].join("\n");

const imp = suite("importArticle");
imp("reads headline, byline, dateline, date and body; drops chrome and teasers", () => {
  const a = importArticle(page());
  assert.is(a.title, "Ministers Agree on a New Plan for the Coast");
  assert.is(a.byline, "Jane Doe");
  assert.is(a.dateline, "Jan. 31, 2019");
  assert.is(a.date, "2019-01-31");
  assert.is(a.attribution, "Example Wire");
  assert.is(a.body, `${paragraph(30)}\n\n${paragraph(40)}`);
});
imp("a date without a year gives null and a warning naming --year, unless --year is given", () => {
  const a = importArticle(page("London, 20 Oct – "));
  assert.is(a.date, null);
  assert.ok(a.warnings.some((w) => w.includes("--year")));
  assert.is(importArticle(page("London, 20 Oct – "), { year: 2018 }).date, "2018-10-20");
});
imp("a date stamp with a time or an update note just below the headline is the date", () => {
  const text = [
    "Zimbabwe coup: Mugabe insists on finishing his term",
    "16 November 2017 • 2:15pm",
    paragraph(40),
    paragraph(40),
  ].join("\n\n");
  assert.is(importArticle(text).date, "2017-11-16");
  const updated = [
    "Impeachment fails in parliament",
    "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024",
    paragraph(40),
  ];
  assert.is(importArticle(updated.join("\n\n")).date, "2024-12-06");
});

imp("text above a headline found inside the article stays in the body", () => {
  const intro = `Welcome back to the weekly letter, where we look at one question ${paragraph(20, "each")}`;
  const text = [
    intro,
    "The Quiet Return of the Night Train",
    "By Jane Doe",
    paragraph(40, "train"),
    paragraph(40, "rail"),
  ].join("\n\n");
  const a = importArticle(text);
  assert.is(a.title, "The Quiet Return of the Night Train");
  assert.ok(a.body.startsWith(intro), a.body.slice(0, 80));
  assert.not.ok(a.body.includes("Night Train"));
});

imp("options win over the text", () => {
  const a = importArticle(page(), {
    date: "2020-02-02",
    source: "Wire",
    tags: ["a", "b"],
    url: "https://example.org/x",
  });
  assert.is(a.date, "2020-02-02");
  assert.is(a.source, "Wire");
  assert.equal(a.tags, ["a", "b"]);
  assert.is(a.url, "https://example.org/x");
});
imp("unknown fields are null with a reason", () => {
  const a = importArticle(paragraph(40));
  assert.is(a.title, null);
  assert.is(a.source, null);
  assert.ok(a.warnings.some((w) => w.startsWith("title:")));
  assert.ok(a.warnings.some((w) => w.startsWith("source:")));
});
imp("a brief of one paragraph keeps it: the line model never empties the article", () => {
  const a = importArticle(
    "Mayor opens new bridge\nBy Jane Doe\nMarch 5, 2024\nThe mayor opened the bridge on Tuesday after three years of work and a long debate.\n",
  );
  assert.is(a.title, "Mayor opens new bridge");
  assert.is(a.body, "The mayor opened the bridge on Tuesday after three years of work and a long debate.");
  assert.not.ok(a.warnings.some((w) => w.startsWith("body:")));
});
imp.run();
