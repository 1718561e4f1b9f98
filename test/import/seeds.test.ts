import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { importArticle } from "../../src/import/import-article.ts";

const seed = (name: string): string =>
  readFileSync(new URL(`../fixtures/seeds/${name}.txt`, import.meta.url), "utf8");
const BOILERPLATE =
  /^(?:No comments:?|Post a Comment.*|Latest news|Must read|You might also like.*|RELATED|Recommended to you|Source: .*)$/m;
const firstLine = (body: string): string => body.split("\n")[0] ?? "";
const lastLine = (body: string): string => body.split("\n").at(-1) ?? "";

const s000 = suite("seed 000: Analysis by PMOI/MEK");
s000("headline, date, byline, caption, dateline", () => {
  const a = importArticle(seed("000_79009eef7425bfa7"));
  assert.is(a.title, "The disastrous outcome of Iranian regime leader’s outreach to the East");
  assert.is(a.date, "2019-01-31");
  assert.is(a.byline, "PMOI/MEK");
  assert.is(a.caption, "Iranian regime Supreme Leader Ali Khamenei");
  assert.is(a.dateline, "Jan. 31, 2019");
});
s000("first and last sentences, no boilerplate", () => {
  const a = importArticle(seed("000_79009eef7425bfa7"));
  assert.is(
    firstLine(a.body),
    "While the Iranian regime accelerates on the slippery slope of total social, economic, and political bankruptcy, new doors are closed shut in its face every day.",
  );
  assert.is(
    lastLine(a.body),
    "It appears that Ali Khamenei's Policy of embracing the East is nothing more than wishful thinking and the means to boost the morale of a regime whose change is long overdue.",
  );
  assert.not.match(a.body, BOILERPLATE);
  assert.not.match(a.body, /Analysis by|Jan\. 31, 2019/);
});
s000.run();

const s001 = suite("seed 001: Iran Focus");
s001("headline without the breadcrumb, source, caption, dateline, attribution", () => {
  const a = importArticle(seed("001_84975a875072cfa6"), { year: 2018 });
  assert.is(a.title, "Iran Is Looking for Allies but Finding None");
  assert.is(a.date, "2018-10-20");
  assert.is(a.source, "Iran Focus");
  assert.is(a.caption, "Ali Khamenei and Hassan Rouhani");
  assert.is(a.dateline, "London, 20 Oct");
  assert.is(a.attribution, "Asharq AL-awsat");
});
s001("without --year: no date and a warning that names --year", () => {
  const a = importArticle(seed("001_84975a875072cfa6"));
  assert.is(a.date, null);
  assert.ok(a.warnings.some((w) => w.includes("--year")));
});
s001("first and last sentences, bullets as list items, no boilerplate", () => {
  const a = importArticle(seed("001_84975a875072cfa6"), { year: 2018 });
  assert.is(
    firstLine(a.body),
    "Iran is currently facing their biggest challenge to date – reimposed US sanctions – and they are looking for any allies to help them evade the impact of this.",
  );
  assert.is(
    lastLine(a.body),
    "Iran’s supreme leader would do himself, and the Iranian people, a favour by pondering that difference [between braggadocio and suicidal behaviour].”",
  );
  assert.not.match(a.body, BOILERPLATE);
  assert.not.match(a.body, /•|Snapback Sanctions|Iran Focus/);
  assert.match(a.markdown, /^- Make sure Iranian oil exports/m);
  assert.match(a.body, /^Make sure Iranian oil exports/m);
});
s001.run();
