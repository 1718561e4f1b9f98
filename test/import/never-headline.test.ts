import { suite } from "uvu";
import * as assert from "uvu/assert";
import { furnitureLine, isFurniture } from "../../src/import/never-headline.ts";
import { linesOf } from "./lines.ts";

const furniture = suite("isFurniture");
furniture("reading times, pagers, credits, stamps' openings, comment counts, clock times", () => {
  for (const text of [
    "6 min read",
    "Dec 18, 2023 3 min read",
    "Page 1 of 8",
    "(Image credit: Example Studio)",
    "Credit: Jane Roe",
    "Written by joshua becker · 99 Comments",
    "Updated on March 4, 2025",
    "Posted in Travel Tips",
    "99 Comments",
    "July 14, 2015 at 3:53 pm",
  ])
    assert.ok(isFurniture(text), text);
});
furniture("buttons, account links, notes, glued menus and breadcrumb trails", () => {
  for (const text of [
    "Reserve for your personalised consultation now >",
    "Log in Log in Try CRM for free",
    "All gists Back to GitHub Sign in Sign up",
    "Disclaimer: This blog was created in collaboration with a sponsor",
    "WATCH: GLOBE TODAYMONEY, POWER, INEQUALITYMETROSPORTSBUSINESS",
    "Home » Recipes » Breads and Doughnuts » Beginners Sourdough Bread Recipe",
    "Home / Beginners Sourdough Bread Recipe",
  ])
    assert.ok(isFurniture(text), text);
});
furniture("headlines, including ones with figures, times of day and slashes", () => {
  for (const text of [
    "Storm floods the old town overnight",
    "Top 10: Trends in Cloud Computing",
    "John 3:16 and the stories we tell",
    "The 24/7 news cycle is wearing us down",
    "Why the 10 a.m. meeting is the worst",
    "Apps / Tools: the best of the year",
    "What to read this week",
    "Internationalization of the supply chain",
  ])
    assert.not.ok(isFurniture(text), text);
});
furniture.run();

const perLine = suite("furnitureLine");
perLine("reads the line's text; no line is no furniture", () => {
  const [stamp, headline] = linesOf("6 min read\nStorm floods the old town overnight");
  assert.ok(furnitureLine(stamp));
  assert.not.ok(furnitureLine(headline));
  assert.not.ok(furnitureLine(undefined));
});
perLine.run();
