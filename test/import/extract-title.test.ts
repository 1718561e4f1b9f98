import { suite } from "uvu";
import * as assert from "uvu/assert";
import { extractTitle } from "../../src/import/extract-title.ts";
import { canBeHeadline, isBylineOrStamp, titleScore } from "../../src/import/title-rule.ts";
import { linesOf, paragraph } from "./lines.ts";

const may = suite("canBeHeadline");
may("words of a headline's length; not dates, bylines, credits, list items or figures", () => {
  const [headline, date, byline, credit, item, figures, one] = linesOf(
    [
      "Storm floods the old town",
      "Jan. 31, 2019",
      "By Jane Doe",
      "Getty Images/AFP",
      "- a list item",
      "-35.56 (-0.69%)",
      "Home",
    ].join("\n"),
  );
  assert.ok(canBeHeadline(headline));
  for (const line of [date, byline, credit, item, figures, one, undefined])
    assert.not.ok(canBeHeadline(line), line?.text);
});
may.run();

const stamp = suite("isBylineOrStamp");
stamp("a byline, a short dated line or a relative time; not a headline or a long dated sentence", () => {
  const lines = linesOf(
    [
      "By Jane Doe",
      "Updated 3 hours ago",
      "Jan. 31, 2019 at 10:00",
      "Storm floods the old town",
      `On Jan. 31, 2019 ${paragraph(20)}`,
    ].join("\n"),
  );
  assert.equal(
    lines.map((l) => isBylineOrStamp(l)),
    [true, true, true, false, false],
  );
});
stamp.run();

const score = suite("titleScore");
score("dates, bylines, credits and chrome cannot be headlines", () => {
  const lines = linesOf(
    ["Jan. 31, 2019", "By Jane Doe", "Getty Images/AFP", "Share", paragraph(30)].join("\n"),
  );
  for (let i = 0; i < 4; i++) assert.is(titleScore(lines, i, 4), null, lines[i]?.text);
});
score("a summary sentence scores below a headline", () => {
  const lines = linesOf(
    [
      "Rates Rise Again Across the Region",
      "Tax cuts and higher rates could make it harder to respond to recessions.",
      paragraph(30),
    ].join("\n"),
  );
  assert.ok((titleScore(lines, 0, 2) ?? 0) > (titleScore(lines, 1, 2) ?? 0));
});
score("figures, tables, times and list items are not headlines; a headline may say 'credit card'", () => {
  const lines = linesOf(
    [
      "-35.56 (-0.69%)",
      "status_code │ period │ entries",
      "3/09/15 8:00am 3/09/15 8:00am",
      "+ Containers can be locked in custom maps",
      "The credit card sized PC that cost only $35",
      paragraph(30),
    ].join("\n"),
  );
  for (let i = 0; i < 4; i++) assert.is(titleScore(lines, i, 5), null, lines[i]?.text);
  assert.ok(titleScore(lines, 4, 5) !== null);
});
score("a short line in a table of contents, or right after a paragraph, scores below the headline", () => {
  const lines = linesOf(
    [
      "How We Designed an Async Task Framework",
      "By Jane Doe • Nov 11, 2020",
      "Introduction",
      "Architecture",
      "Data model",
      "Lifecycle of a task",
      "Achieving guarantees",
      "Ownership model",
      paragraph(30),
    ].join("\n"),
  );
  assert.ok((titleScore(lines, 0, 8) ?? 0) > (titleScore(lines, 5, 8) ?? 0));
  const after = linesOf([paragraph(30), "Still no support", paragraph(30)].join("\n"));
  assert.ok((titleScore(after, 1, 2) ?? 0) < 2);
});
score.run();

const title = suite("extractTitle");
title("the headline above caption, byline and dateline", () => {
  const lines = linesOf(
    [
      "The disastrous outcome of the outreach to the East",
      "Iranian regime Supreme Leader Ali Khamenei",
      "Analysis by PMOI/MEK",
      paragraph(40),
    ].join("\n"),
  );
  assert.is(extractTitle(lines, 3)?.title, "The disastrous outcome of the outreach to the East");
});
title("a breadcrumb glued to a repeated headline is cut off", () => {
  const lines = linesOf(
    [
      "Iran General NewsIran Is Looking for Allies but Finding None",
      "",
      "Iran Is Looking for Allies but Finding None",
      "Iran Focus",
      paragraph(40),
    ].join("\n"),
  );
  const t = extractTitle(lines, 3);
  assert.is(t?.title, "Iran Is Looking for Allies but Finding None");
  assert.is(t?.index, 1);
});
title("a menu above the article is passed over", () => {
  const lines = linesOf(
    [
      "Home",
      "News",
      "Sport",
      "Obama admits US gun laws are his biggest frustration",
      "24 July 2015",
      paragraph(40),
    ].join("\n"),
  );
  assert.is(extractTitle(lines, 5)?.title, "Obama admits US gun laws are his biggest frustration");
});
title("far above a late article text, a headline followed by its byline is found", () => {
  const lines = linesOf(
    [
      "As Debt Rises, Interest Will Soon Cost More Than the Military",
      "Tax cuts and higher rates could make it harder to respond.",
      "By Jane Doe",
      paragraph(30),
      ...Array.from({ length: 90 }, (_, i) => `${1990 + i} ${i * 3}`),
      "Net interest",
      paragraph(40),
      paragraph(40),
    ].join("\n"),
  );
  const found = extractTitle(lines, lines.length - 2);
  assert.is(found?.title, "As Debt Rises, Interest Will Soon Cost More Than the Military");
});

title("in a headline block far above the text, the headline wins over the standfirst below it", () => {
  const lines = linesOf(
    [
      "Business News",
      "The seven secrets that hotel owners don't want you to know",
      "Hotel bosses spill the beans on cost cutting and poor hygiene",
      "Hazel Sheffield",
      "Friday 25 December 2015",
      ...Array.from({ length: 90 }, (_, i) => `Menu item ${i}`),
      paragraph(40),
      paragraph(40),
    ].join("\n"),
  );
  assert.is(
    extractTitle(lines, lines.length - 2)?.title,
    "The seven secrets that hotel owners don't want you to know",
  );
});

title("a headline followed by a relative time stamp beats a teaser nearer the text", () => {
  const lines = linesOf(
    [
      "AdChoices",
      "Nintendo's first iPhone game will launch in December for $10",
      "Tech Insider",
      "Alex Perry 1 day ago",
      "SHARE",
      "TWEET",
      "Twitter suspends alt-right accounts",
      paragraph(40),
      paragraph(40),
    ].join("\n"),
  );
  assert.is(extractTitle(lines, 7)?.title, "Nintendo's first iPhone game will launch in December for $10");
});

title("no candidate at all gives null", () => {
  assert.is(extractTitle(linesOf(paragraph(40)), 0), null);
});
title.run();
