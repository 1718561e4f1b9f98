import { suite } from "uvu";
import * as assert from "uvu/assert";
import { explainInvalidDate } from "../../src/shared/explain-invalid-date.ts";

const explain = suite("explainInvalidDate");

explain("names the part that is wrong, in words", () => {
  assert.is(explainInvalidDate("2023-02-29"), "February 2023 has 28 days, so day 29 does not exist");
  assert.is(explainInvalidDate("2024-02-30"), "February 2024 has 29 days, so day 30 does not exist");
  assert.is(explainInvalidDate("2024-00-10"), "month 00 is not a month (expected 01 to 12)");
  assert.is(explainInvalidDate("2024-01-01T24:10"), "hour 24 is not a time of day (expected 00 to 23)");
  assert.is(explainInvalidDate("2024-01-01T10:61"), "minute 61 is not a time of day (expected 00 to 59)");
  assert.is(explainInvalidDate("2024-01-01T10:00:60"), "second 60 is not a time of day (expected 00 to 59)");
  assert.match(explainInvalidDate("2024-01-01T10:00+15:00"), "offset +15:00 is not a time zone offset");
});

explain.run();
