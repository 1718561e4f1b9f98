import { suite } from "uvu";
import * as assert from "uvu/assert";
import { importArticle } from "../../src/import/import-article.ts";
import { paragraph } from "./lines.ts";

// Through `importArticle`: where the date stands depends on the headline and the text found around it.
const date = suite("pickTextDate");
date("a long stamp line that opens with its date, below the headline and its standfirst", () => {
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

date("a byline carrying the date, below the caption the text opens with", () => {
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

date("a press release's dateline in the text's second paragraph gives the date", () => {
  const text = [
    "Meditation Training Lowers Anxiety, a Study Finds",
    "Posted in News Release",
    "A small trial finds that an eight-week course in mindfulness lowers the body's response to stress in patients with anxiety.",
    `WASHINGTON (January 24, 2017) — ${paragraph(40)}`,
    paragraph(40),
  ].join("\n\n");
  assert.is(importArticle(text).date, "2017-01-24");
});

date("the publication before its edits: on one line, or on the line below the last update", () => {
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

date("below the text, one labelled publication day is the date; several days there are not", () => {
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

date.run();
