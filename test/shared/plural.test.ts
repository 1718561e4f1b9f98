import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plural } from "../../src/shared/plural.ts";

const count = suite("plural");

count("one is singular, zero and many are plural", () => {
  assert.is(plural(1, "recipient"), "1 recipient");
  assert.is(plural(0, "recipient"), "0 recipients");
  assert.is(plural(2, "entry", "entries"), "2 entries");
});

count("digit grouping in the locale", () => {
  assert.is(plural(1234, "recipient", undefined, "en-GB"), "1,234 recipients");
});

count.run();
