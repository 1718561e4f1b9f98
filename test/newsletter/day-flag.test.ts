import { suite } from "uvu";
import * as assert from "uvu/assert";
import { lastSevenDaysStart, parseDayFlag } from "../../src/newsletter/day-flag.ts";

const parse = suite("parseDayFlag");

parse("a day in the site's time zone, first to last millisecond", () => {
  const flag = parseDayFlag("since", "2024-03-07", "Asia/Tehran");
  assert.ok(flag.ok);
  if (!flag.ok) return;
  assert.is(flag.start.toISOString(), "2024-03-06T20:30:00.000Z");
  assert.is(flag.end.toISOString(), "2024-03-07T20:29:59.999Z");
});

parse("anything else is a message naming the flag", () => {
  for (const value of ["7 March", "2024-02-30", "2024-3-7"]) {
    const flag = parseDayFlag("until", value, "UTC");
    assert.equal(flag, { ok: false, message: `--until "${value}" is not a day (expected YYYY-MM-DD)` });
  }
});

parse.run();

const last = suite("lastSevenDaysStart");

last("today and the six days before, in the site's zone", () => {
  // 23:30 UTC on 7 March is already 8 March in Tehran.
  const start = lastSevenDaysStart(new Date("2024-03-07T23:30:00Z"), "Asia/Tehran");
  assert.is(start.toISOString(), "2024-03-01T20:30:00.000Z");
});

last.run();
