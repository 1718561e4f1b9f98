import { suite } from "uvu";
import * as assert from "uvu/assert";
import { agreement, declaredParts, pickHeadline } from "../../src/import/pick-headline.ts";

const pick = suite("pickHeadline");
pick("the visible heading that agrees with a declared title, as the page shows it", () => {
  assert.is(
    pickHeadline(
      ["Menu", "Oil Exports Fall For A Third Month", "Related"],
      ["Oil exports fall for a third month | Site"],
      "Site",
    ),
    "Oil Exports Fall For A Third Month",
  );
});
pick("no agreeing heading: the declared title without the site name", () => {
  assert.is(pickHeadline(["Latest news"], ["Oil exports fall | The Paper"], "The Paper"), "Oil exports fall");
});
pick("nothing declared: the first heading of two words or more; else null", () => {
  assert.is(pickHeadline(["News", "Storm floods the town"], [], null), "Storm floods the town");
  assert.is(pickHeadline([], [], null), null);
});
pick.run();

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
