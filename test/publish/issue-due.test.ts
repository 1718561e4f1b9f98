import { suite } from "uvu";
import * as assert from "uvu/assert";
import { issueNotDue } from "../../src/publish/issue-due.ts";
import type { PublishSchedule } from "../../src/publish/publish-config.ts";

const due = suite("issueNotDue");
// 2024-03-10T23:30:00Z is Sunday in London and already Monday in Tokyo.
const now = new Date("2024-03-10T23:30:00Z");

due("daily: due unless an issue was made the same day in the site's zone", () => {
  assert.is(issueNotDue({ kind: "daily" }, now, "Europe/London", null), null);
  assert.is(issueNotDue({ kind: "daily" }, now, "Europe/London", "2024-03-09T08:00:00+00:00"), null);
  assert.is(
    issueNotDue({ kind: "daily" }, now, "Europe/London", "2024-03-10T08:00:00+00:00"),
    "an issue was already made today (at most one a day)",
  );
  // In Tokyo that issue was made on Sunday; now is Monday there.
  assert.is(issueNotDue({ kind: "daily" }, now, "Asia/Tokyo", "2024-03-10T08:00:00+00:00"), null);
});

due("weekdays are the site's weekdays", () => {
  const mondays: PublishSchedule = { kind: "weekdays", days: [1] };
  assert.is(issueNotDue(mondays, now, "Asia/Tokyo", null), null);
  assert.is(
    issueNotDue(mondays, now, "Europe/London", null),
    "not a scheduled day (publish.schedule: today is Sunday)",
  );
});

due("never", () => {
  assert.match(issueNotDue({ kind: "never" }, now, "UTC", null) ?? "", "publish.schedule is never");
});

due.run();
