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

imp("a long stamp line that opens with its date, below the headline and its standfirst", () => {
  const text = [
    "Music",
    "The Singer Makes a Surprise Appearance at an Event in Brazil",
    "The singer had been teasing her fans on social media, before noting her location on her page.",
    "Dec. 22, 2023, 5:24 AM UTC / Updated Dec. 22, 2023, 2:01 PM UTC / Source: The Morning Show",
    "By Jane Doe",
    "",
    paragraph(40),
    "",
    paragraph(40),
  ].join("\n");
  assert.is(importArticle(text).date, "2023-12-22");
});

imp("a byline carrying the date, below the caption the text opens with", () => {
  const text = [
    "Home",
    "The Site Went Dark for Hours Overnight",
    "Follow Us",
    "Search",
    "Advertisement",
    "Sponsored content",
    "Computer monitors and a laptop display the sign-in page of the site in a dark room, on a summer evening, in a small office in the city.",
    "Back",
    "Print",
    "By Jane Doe - The Daily Paper - Thursday, December 21, 2023",
    "",
    paragraph(40),
    "",
    paragraph(40),
  ].join("\n");
  assert.is(importArticle(text).date, "2023-12-21");
});

imp("a press release's dateline in the text's second paragraph gives the date", () => {
  const text = [
    "Meditation Training Lowers Anxiety, a Study Finds",
    "Posted in News Release",
    "A small trial finds that an eight-week course in mindfulness lowers the body's response to stress in patients with anxiety.",
    `WASHINGTON (January 24, 2017) — ${paragraph(40)}`,
    paragraph(40),
  ].join("\n\n");
  assert.is(importArticle(text).date, "2017-01-24");
});

imp("the publication before its edits: on one line, or on the line below the last update", () => {
  const text = (stamps: string[]) =>
    importArticle(
      [
        "How the Rate Moves Could Reach the Markets",
        ...stamps,
        "By Jane Doe",
        paragraph(40),
        paragraph(40),
      ].join("\n\n"),
    ).date;
  assert.is(
    text(["Last Updated: Dec. 23, 2023 at 6:33 a.m. ET", "First Published: Dec. 18, 2023 at 4:12 p.m. ET"]),
    "2023-12-18",
  );
  assert.is(text(["Updated Dec. 23, 2023 4:04AM EST / Published Dec. 22, 2023 12:16PM EST"]), "2023-12-22");
  assert.is(
    text([
      "Jane Doe · The Paper · Posted: Dec 22, 2023 8:25 AM EST | Last Updated: January 2, 2024 9:00 AM EST",
    ]),
    "2023-12-22",
  );
  // An update alone is still the only date there is.
  assert.is(text(["Updated Dec. 23, 2023"]), "2023-12-23");
});

imp("below the text, one labelled publication day is the date; several days there are not", () => {
  const body = ["The Best Way to Start a Small Garden", paragraph(40), paragraph(40), paragraph(40)];
  // Far enough below the text that only this rule looks there.
  const chrome = ["Share this", "Related stories", "Sign up for our letter", "Contact us", "Careers"];
  const dated = (...below: string[]) => importArticle([...body, ...chrome, ...below].join("\n\n")).date;
  assert.is(dated("Published August 13, 2025", "For more tips"), "2025-08-13");
  assert.is(dated("Posted by Jane Doe on 2025-12-18 in gardening. Tags: soil, seeds."), "2025-12-18");
  assert.is(dated("Written by Jane Doe", "April 8, 2024", "Link copied!"), "2024-04-08");
  assert.is(dated("PUBLISHED", "Feb 2, 2023"), "2023-02-02");
  // Other stories' cards below the text, each with its own day: none of them is the article's.
  assert.is(dated("Published August 13, 2025", "Another Story", "Published July 2, 2025"), null);
  assert.is(dated("Next event", "Some Other Place", "March 3, 2026"), null);
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
