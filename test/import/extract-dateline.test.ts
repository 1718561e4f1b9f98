import { suite } from "uvu";
import * as assert from "uvu/assert";
import { extractDateline } from "../../src/import/extract-dateline.ts";

const dateline = suite("extractDateline");
dateline("a date before a dash", () => {
  const d = extractDateline("Jan. 31, 2019 - While the regime accelerates, doors close.");
  assert.is(d?.dateline, "Jan. 31, 2019");
  assert.is(d?.date?.date, "2019-01-31");
  assert.is(d?.rest, "While the regime accelerates, doors close.");
});
dateline("a place and a day without a year", () => {
  const d = extractDateline("London, 20 Oct – Iran is currently facing their biggest challenge");
  assert.is(d?.dateline, "London, 20 Oct");
  assert.is(d?.date?.problem, "no-year");
  assert.is(extractDateline("London, 20 Oct – Iran is facing", 2018)?.date?.date, "2018-10-20");
});
dateline("a place in capitals with an agency", () => {
  assert.is(
    extractDateline("WASHINGTON (Reuters) — The Senate voted on Tuesday.")?.dateline,
    "WASHINGTON (Reuters)",
  );
});
dateline("ordinary dashes in a sentence are left alone", () => {
  assert.is(
    extractDateline("Iran is currently facing their biggest challenge to date – reimposed US sanctions"),
    null,
  );
  assert.is(extractDateline("The plan – which failed – was dropped."), null);
});
dateline.run();
