import { suite } from "uvu";
import * as assert from "uvu/assert";
import { planSend } from "../../../src/newsletter/send/plan-send.ts";
import type { SendRecord } from "../../../src/newsletter/send/send-log.ts";

const sub = (email: string) => ({ email, name: null, line: 1 });
const rec = (email: string, status: SendRecord["status"]): [string, SendRecord] => [
  email,
  { email, status, at: "t", response: "550 no" },
];
const log = new Map([
  rec("a@x.org", "sent"),
  rec("b@x.org", "failed"),
  rec("c@x.org", "pending"),
  rec("d@x.org", "deferred"),
]);
const all = ["a@x.org", "B@x.org", "c@x.org", "d@x.org", "e@x.org"].map(sub);

const plan = suite("planSend");
plan("a rerun sends only to those the relay has not taken", () => {
  const p = planSend(all, log, { resendUnknown: false, retryFailed: false });
  assert.equal(
    p.queue.map((s) => s.email),
    ["d@x.org", "e@x.org"],
  );
  assert.equal(
    p.alreadySent.map((s) => s.email),
    ["a@x.org"],
  );
  assert.equal(
    p.failedBefore.map((f) => [f.subscriber.email, f.response]),
    [["B@x.org", "550 no"]],
  );
  assert.equal(
    p.unknown.map((s) => s.email),
    ["c@x.org"],
  );
});
plan("--resend-unknown and --retry-failed put them back", () => {
  const p = planSend(all, log, { resendUnknown: true, retryFailed: true });
  assert.equal(
    p.queue.map((s) => s.email),
    ["B@x.org", "c@x.org", "d@x.org", "e@x.org"],
  );
});
plan.run();
