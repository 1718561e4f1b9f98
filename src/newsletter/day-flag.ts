import { DateTime } from "luxon";

export type DayFlag = { ok: true; start: Date; end: Date } | { ok: false; message: string };

/**
 * Reads a `--since`/`--until` value: a calendar day `YYYY-MM-DD` in the site's time zone, as the instants
 * of its first and last millisecond.
 */
export function parseDayFlag(flag: string, value: string, timeZone: string): DayFlag {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone: timeZone }) : null;
  if (!day?.isValid) return { ok: false, message: `--${flag} "${value}" is not a day (expected YYYY-MM-DD)` };
  return { ok: true, start: day.startOf("day").toJSDate(), end: day.endOf("day").toJSDate() };
}

/** The start of "the last 7 days" in the site's time zone: today and the six days before it. */
export function lastSevenDaysStart(now: Date, timeZone: string): Date {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf("day").minus({ days: 6 }).toJSDate();
}
