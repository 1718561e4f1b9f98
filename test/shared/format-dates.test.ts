import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatDayRange, formatWrittenDate } from "../../src/shared/dates.ts";

const written = suite("formatWrittenDate");

written("the day as written in the site's zone, with the time when there is one", () => {
  // Midnight in Kiritimati (UTC+14) is the previous day in UTC: shown as the editor wrote it.
  assert.is(formatWrittenDate(new Date("2029-12-31T10:00:00Z"), "Pacific/Kiritimati"), "2030-01-01");
  assert.is(formatWrittenDate(new Date("2030-01-01T09:30:00Z"), "Europe/London"), "2030-01-01 09:30");
  assert.is(formatWrittenDate(new Date("2030-01-01T09:30:00Z"), "Pacific/Pago_Pago"), "2029-12-31 22:30");
});

const range = suite("formatDayRange");
const at = (iso: string) => new Date(iso);

range("one month: the days closed up, the month and year once", () => {
  assert.is(
    formatDayRange(at("2026-11-27T10:00Z"), at("2026-11-30T10:00Z"), "Europe/London", "en-GB"),
    "27–30 November 2026",
  );
  assert.is(
    formatDayRange(at("2026-11-27T10:00Z"), at("2026-11-30T10:00Z"), "Europe/London", "en-US"),
    "November 27–30, 2026",
  );
});

range("across months and years, the parts that differ, spaced", () => {
  assert.match(
    formatDayRange(at("2026-11-27T10:00Z"), at("2026-12-02T10:00Z"), "Europe/London", "en-GB"),
    /^27 November\s–\s2 December 2026$/u,
  );
  assert.match(
    formatDayRange(at("2026-12-30T10:00Z"), at("2027-01-02T10:00Z"), "Europe/London", "en-GB"),
    /^30 December 2026\s–\s2 January 2027$/u,
  );
});

range("the days are the site's", () => {
  // 23:30 UTC on the 26th is already the 27th in Tehran.
  assert.is(
    formatDayRange(at("2026-11-26T23:30Z"), at("2026-11-30T10:00Z"), "Asia/Tehran", "en-GB"),
    "27–30 November 2026",
  );
});

written.run();
range.run();
