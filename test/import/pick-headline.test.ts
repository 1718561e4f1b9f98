import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  agreement,
  declaredParts,
  type PageHeading,
  pickHeadline,
  withoutStamp,
} from "../../src/import/pick-headline.ts";

const pick = suite("pickHeadline");
const h = (text: string, h1 = false): PageHeading => ({ text, h1 });
pick("the visible heading that agrees with a declared title, as the page shows it", () => {
  assert.is(
    pickHeadline(
      [h("Menu"), h("Oil Exports Fall For A Third Month"), h("Related")],
      ["Oil exports fall for a third month | Site"],
      "Site",
    ),
    "Oil Exports Fall For A Third Month",
  );
});
pick("an agreeing h1 wins over a lower heading that agrees better", () => {
  assert.is(
    pickHeadline(
      [
        h("Best Website Builders for Small Business in 2026", true),
        h("Best Website Builder for Small Business FAQs"),
      ],
      ["Best Website Builder For Small Business [2026]"],
      null,
    ),
    "Best Website Builders for Small Business in 2026",
  );
});
pick("the only h1 on the declared topic wins over a lower heading that agrees better (a section)", () => {
  assert.is(
    pickHeadline(
      [h("Top 10 Health and Nutrition Trends to Watch", true), h("FAQs about health and nutrition trends")],
      ["Health And Nutrition Trends For 2026 - Tastewise"],
      null,
    ),
    "Top 10 Health and Nutrition Trends to Watch",
  );
});
pick("the only h1 wins over a rewritten declared title on the same topic, not over an unrelated one", () => {
  const declared = ["7 Key Software Development Methodologies | OS-System"];
  assert.is(
    pickHeadline([h("Software Development Methodologies Compared", true)], declared, null),
    "Software Development Methodologies Compared",
  );
  assert.is(
    pickHeadline([h("Contact our sales team", true)], declared, null),
    "7 Key Software Development Methodologies",
  );
  assert.is(
    pickHeadline(
      [h("Methodologies Compared", true), h("Development Methodologies Explained", true)],
      declared,
      null,
    ),
    "7 Key Software Development Methodologies",
    "with two h1s and neither agreeing, the declared title",
  );
});
pick("no agreeing heading: the declared title without the site name", () => {
  assert.is(
    pickHeadline([h("Latest news")], ["Oil exports fall | The Paper"], "The Paper"),
    "Oil exports fall",
  );
});
pick("nothing declared: the first heading of two words or more; else null", () => {
  assert.is(pickHeadline([h("News"), h("Storm floods the town")], [], null), "Storm floods the town");
  assert.is(pickHeadline([], [], null), null);
});
pick("the only h1, every word of it in a declared title, wins over a lower heading that agrees", () => {
  assert.is(
    pickHeadline(
      [h("restaurant", true), h("noun"), h("Origin of restaurant")],
      ["Definition of restaurant"],
      null,
    ),
    "restaurant",
  );
  assert.is(
    pickHeadline([h("restaurant", true), h("Origin of restaurant")], ["Origin of restaurants"], null),
    "Origin of restaurant",
    "an h1 whose words the declared title lacks does not",
  );
});
pick("a date stamp shown inside the heading is not part of the headline", () => {
  assert.is(
    pickHeadline(
      [h("Beginner’s Backpacking Checklist (By an Outdoor Guide!) January 1, 2025", true)],
      ["Beginner’s Backpacking Checklist (By an Outdoor Guide!)"],
      null,
    ),
    "Beginner’s Backpacking Checklist (By an Outdoor Guide!)",
  );
});
pick.run();

const stamp = suite("withoutStamp");
stamp("a full date at either end goes when three words or more remain", () => {
  assert.is(withoutStamp("Storm floods the old town January 1, 2025"), "Storm floods the old town");
  assert.is(withoutStamp("12 June 2023 | Storm floods the old town"), "Storm floods the old town");
  assert.is(withoutStamp("Storm floods the old town 2023-06-12"), "Storm floods the old town");
  assert.is(withoutStamp("Events of June 12, 2023"), "Events of June 12, 2023", "two words would remain");
  assert.is(withoutStamp("Why June 12, 2023 changed the town"), "Why June 12, 2023 changed the town");
  assert.is(withoutStamp("The best laptops of 2025"), "The best laptops of 2025");
});
stamp.run();

const parts = suite("declaredParts");
parts("cuts the site's name off either end", () => {
  assert.equal(declaredParts(["Site - A long headline here"], "Site"), [
    "A long headline here",
    "Site - A long headline here",
  ]);
  assert.equal(declaredParts(["A long headline here | Unknown"], null), [
    "A long headline here",
    "A long headline here | Unknown",
  ]);
});
parts.run();

const agree = suite("agreement");
agree("the smaller share of words in common, both ways", () => {
  assert.is(agreement("a b c d", "a b c d"), 1);
  assert.is(agreement("a b", "a b c d"), 0.5);
  assert.is(agreement("", "a"), 0);
});
agree.run();
