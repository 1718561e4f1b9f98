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
furniture("a date alone, a time ago, a rating, a street address", () => {
  for (const text of [
    "December 16, 2025",
    "Friday, December 19, 2025 4:00 PM ET",
    "2 days ago",
    "An hour ago",
    "1h agoChristian Horner and Geri Halliwell in united front",
    "67 Reviews 4.7 out of 5 stars",
    "4.9 out of 5 stars (193)",
    "11311 McCormick Rd., Suite 500",
    "507 Polk St, Suite 420",
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
    "Christmas 2023: December 25 falls on a Monday",
    "March Madness 2024",
    "10 Best Moving Companies in New York (2025 Reviews)",
    "2026 Raleigh St. Patrick's Day Parade",
    "500 Miles Down The Road",
    "3 days ago, the market turned",
    "A day agog with rumours",
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
