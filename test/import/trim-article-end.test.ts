import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isEndNote, trimArticleEnd } from "../../src/import/trim-article-end.ts";

const lines = (...texts: string[]) => texts.map((text) => ({ text }));
const texts = (ls: Array<{ text: string }>) => ls.map((l) => l.text);
const PARAGRAPH =
  "The council met on Tuesday and agreed to rebuild the old bridge over the river before the spring floods, the mayor said.";

const trim = suite("trimArticleEnd");

trim("cuts from a heading that opens another block after the first third of the text", () => {
  const page = lines(
    PARAGRAPH,
    PARAGRAPH,
    "Editors' Recommendations",
    "Another story's headline",
    "Its teaser text.",
  );
  assert.equal(texts(trimArticleEnd(page)), [PARAGRAPH, PARAGRAPH]);
  const box = lines(PARAGRAPH, PARAGRAPH, "About the Author", "Jane Doe writes about cities.");
  assert.equal(texts(trimArticleEnd(box)), [PARAGRAPH, PARAGRAPH]);
  const sources = lines(PARAGRAPH, PARAGRAPH, "Sources", "[1] https://example.org/report");
  assert.equal(texts(trimArticleEnd(sources)), [PARAGRAPH, PARAGRAPH]);
  const legal = lines(
    PARAGRAPH,
    PARAGRAPH,
    "Disclaimer & Disclosures:",
    "Investing involves risk, and past performance does not guarantee future results.",
  );
  assert.equal(texts(trimArticleEnd(legal)), [PARAGRAPH, PARAGRAPH]);
  const early = lines(PARAGRAPH, PARAGRAPH, "Recommended by Our Editors", PARAGRAPH, PARAGRAPH, PARAGRAPH);
  assert.equal(
    texts(trimArticleEnd(early)),
    [PARAGRAPH, PARAGRAPH],
    "a third of the text in: the reading list has begun",
  );
});

trim("a heading like that at the top is the article’s own", () => {
  const page = lines("Related reading", PARAGRAPH, PARAGRAPH);
  assert.equal(texts(trimArticleEnd(page)), ["Related reading", PARAGRAPH, PARAGRAPH]);
});

trim("drops closing notes from the end up, and stops at the article's text", () => {
  const page = lines(
    PARAGRAPH,
    "Jane Doe contributed to this report.",
    "This article was originally published on example.org.",
    "Sign up for our newsletter to get the latest news in your inbox.",
  );
  assert.equal(texts(trimArticleEnd(page)), [PARAGRAPH]);
  const kept = lines(PARAGRAPH, "Subscribe to our newsletter.", PARAGRAPH);
  assert.equal(texts(trimArticleEnd(kept)), texts(kept), "a note between paragraphs is not at the end");
});

trim("drops other stories' headlines listed under a closing note, not a list the article ends with", () => {
  const page = lines(
    PARAGRAPH,
    "Want more movie news? Sign up for our free newsletter to get the latest trailers and reviews.",
    "The 10 best Jordan Peele movies and TV shows, ranked",
    "Jordan Peele teases more from the Nope universe",
  );
  assert.equal(texts(trimArticleEnd(page)), [PARAGRAPH]);
  const list = lines(
    PARAGRAPH,
    "The three finalists are",
    "Wind Turbines Of The North Sea",
    "Solar Farms Of The Desert",
  );
  assert.equal(texts(trimArticleEnd(list)), texts(list));
});

const note = suite("isEndNote");

note("bios, contacts, credits, prompts and disclaimers; not the article's sentences", () => {
  for (const yes of [
    "Caroline Delbert is a writer, avid reader, and contributing editor at Pop Mech.",
    "Matt Asay runs developer relations at MongoDB.",
    "Travis Andersen can be reached at travis.andersen@globe.com.",
    "ESPN's Ramona Shelburne contributed to this story.",
    "Get local news delivered to your inbox!",
    "The views expressed here are the author's own.",
    "Tags: Employment, Health & Fitness",
    "Disclosure: As an affiliate, I earn from qualifying purchases.",
    "—Field Level Media",
    "More information: Jane Doe et al, Statin Use and the Risk of Thrombosis, JAMA Network Open (2023).",
    "Citation: Statins found to reduce risk of blood clots (2023, December 21) retrieved 24 December 2023",
    "Provided by U.S. National Institute of Allergy and Infectious Diseases",
    "This document is subject to copyright. No part may be reproduced without the written permission.",
    "I agree to receive emails from Green Car Reports. I understand that I can unsubscribe at any time.",
    "Your Email*",
  ])
    assert.ok(isEndNote(yes), yes);
  for (const no of [
    PARAGRAPH,
    "The mayor is a former engineer who grew up near the river.",
    "“We will rebuild,” she said.",
    "The information provided by the agency was incomplete, the auditors found.",
    "Copyright law has not kept up with the models, critics say.",
  ])
    assert.not.ok(isEndNote(no), no);
});

trim.run();
note.run();
