import { DateTime } from "luxon";
import type { PublishSchedule } from "./publish-config.ts";

/**
 * Whether the schedule lets `npm run publish` make an issue now (pure): never on a `never` schedule, only
 * on the listed weekdays, and at most one issue a calendar day, all in the site's time zone. Returns null
 * when it may, else the reason it may not. `lastIssueDate` is the ledger's last issue's `date` (ISO), if any.
 */
export function issueNotDue(
  schedule: PublishSchedule,
  now: Date,
  timeZone: string,
  lastIssueDate: string | null,
): string | null {
  if (schedule.kind === "never") return "publish.schedule is never: make issues with npm run newsletter";
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (schedule.kind === "weekdays" && !schedule.days.includes(today.weekday))
    return `not a scheduled day (publish.schedule: today is ${today.setLocale("en").toFormat("cccc")})`;
  if (lastIssueDate !== null) {
    const last = DateTime.fromISO(lastIssueDate, { zone: timeZone });
    if (last.isValid && last.toISODate() === today.toISODate())
      return "an issue was already made today (at most one a day)";
  }
  return null;
}
