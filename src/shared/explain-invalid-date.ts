import { DateTime } from "luxon";

/**
 * Why a date or date-time that has the right shape is still not a real one, in the editor's words
 * (`February 2023 has 28 days`, `hour 25 is not a time of day`), instead of luxon's internal wording.
 */
export function explainInvalidDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return "no such date";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `month ${m[2]} is not a month (expected 01 to 12)`;
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" });
  const days = first.daysInMonth ?? 31;
  if (day < 1 || day > days)
    return `${first.setLocale("en").toFormat("LLLL yyyy")} has ${days} days, so day ${m[3]} does not exist`;
  if (m[4] !== undefined && Number(m[4]) > 23) return `hour ${m[4]} is not a time of day (expected 00 to 23)`;
  if (m[5] !== undefined && Number(m[5]) > 59)
    return `minute ${m[5]} is not a time of day (expected 00 to 59)`;
  if (m[6] !== undefined && Number(m[6]) > 59)
    return `second ${m[6]} is not a time of day (expected 00 to 59)`;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59))
    return `offset ${offset[0]} is not a time zone offset (expected −12:00 to +14:00)`;
  return "no such date";
}
