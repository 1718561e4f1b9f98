import { suite } from "uvu";
import * as assert from "uvu/assert";
import { extractTitle, titleScore } from "../../src/import/extract-title.ts";
import { linesOf, paragraph } from "./lines.ts";

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
title("no candidate at all gives null", () => {
  assert.is(extractTitle(linesOf(paragraph(40)), 0), null);
});
title.run();
