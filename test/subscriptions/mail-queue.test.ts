import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createMailQueue, type MailFailure, redactAddresses } from "../../src/subscriptions/mail-queue.ts";

/** A clock for retries that the test advances by hand. */
function manualSchedule() {
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    timers,
    schedule: (run: () => void, ms: number) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
    /** Runs every timer due, as time passes. */
    fire: () => {
      for (const t of timers.splice(0)) if (!t.cancelled) t.run();
    },
  };
}

const message = (text: string) => async () => Buffer.from(text);
const tick = () => new Promise((r) => setTimeout(r, 0));
const temporary = Object.assign(new Error("Try again later"), { responseCode: 421 });
const permanent = Object.assign(new Error("No such user"), { responseCode: 550 });
const isTemporary = (e: unknown) => (e as { responseCode?: number }).responseCode === 421;

const test = suite("createMailQueue");
test("hands every message over, at most `concurrency` at once; drain waits for them", async () => {
  let now = 0;
  let most = 0;
  const sent: string[] = [];
  const queue = createMailQueue(
    async (to, raw) => {
      most = Math.max(most, ++now);
      await tick();
      sent.push(`${to}:${raw.toString()}`);
      now--;
    },
    () => assert.unreachable("nothing fails"),
    { concurrency: 2 },
  );
  for (let i = 0; i < 5; i++) assert.ok(queue.push(`r${i}@example.org`, message(`m${i}`)));
  await queue.drain();
  assert.equal(
    sent.sort(),
    [0, 1, 2, 3, 4].map((i) => `r${i}@example.org:m${i}`),
  );
  assert.is(most, 2);
});
test("a full queue refuses (the caller logs it)", async () => {
  const queue = createMailQueue(
    () => new Promise(() => {}),
    () => {},
    { concurrency: 1, capacity: 2 },
  );
  assert.equal(
    [1, 2, 3, 4].map((i) => queue.push(`r${i}@example.org`, message("m"))),
    [true, true, true, false],
    "one being handed over, two waiting, the fourth refused",
  );
});
test("a temporary failure is tried again after each delay; a permanent one is reported at once", async () => {
  const clock = manualSchedule();
  const failures: MailFailure[] = [];
  const tries: string[] = [];
  let flaky = 2;
  const queue = createMailQueue(
    async (to) => {
      tries.push(to);
      if (to.startsWith("flaky") && flaky-- > 0) throw temporary;
      if (to.startsWith("gone")) throw permanent;
      if (to.startsWith("down")) throw temporary;
    },
    (f) => failures.push(f),
    { retryable: isTemporary, retryDelays: [10, 20], schedule: clock.schedule },
  );
  queue.push("flaky@example.org", message("m"));
  queue.push("gone@example.org", message("m"));
  queue.push("down@example.org", message("m"));
  let drained = false;
  const drain = queue.drain().then(() => {
    drained = true;
  });
  for (const delays of [
    [10, 10],
    [20, 20],
  ]) {
    await tick();
    await tick();
    assert.not.ok(drained, "retries still waiting");
    assert.equal(
      clock.timers.map((t) => t.ms),
      delays,
    );
    clock.fire();
  }
  await drain;
  assert.equal(tries.filter((t) => t.startsWith("flaky")).length, 3, "sent on the third try");
  assert.equal(tries.filter((t) => t.startsWith("gone")).length, 1, "a 5xx is not retried");
  assert.equal(
    failures.map((f) => [f.tries, f.outcome, (f.error as Error).message]),
    [
      [1, "failed", "No such user"],
      [3, "failed", "Try again later"],
    ],
  );
});
test("stop gives up the retries still waiting, each reported", async () => {
  const clock = manualSchedule();
  const failures: MailFailure[] = [];
  const queue = createMailQueue(
    async () => {
      throw temporary;
    },
    (f) => failures.push(f),
    { retryable: isTemporary, retryDelays: [60_000], schedule: clock.schedule },
  );
  queue.push("a@example.org", message("m"));
  queue.push("b@example.org", message("m"));
  await tick();
  await tick();
  await queue.stop();
  assert.equal(
    failures.map((f) => [f.tries, f.outcome]),
    [
      [1, "shutdown"],
      [1, "shutdown"],
    ],
  );
  assert.ok(clock.timers.every((t) => t.cancelled));
});
test("a mail failing while the queue stops is not retried but reported", async () => {
  const clock = manualSchedule();
  const failures: MailFailure[] = [];
  let fail: (e: unknown) => void = () => {};
  const queue = createMailQueue(
    () =>
      new Promise((_, reject) => {
        fail = reject;
      }),
    (f) => failures.push(f),
    { retryable: isTemporary, retryDelays: [60_000], schedule: clock.schedule },
  );
  queue.push("a@example.org", message("m"));
  await tick();
  const stopped = queue.stop();
  fail(temporary);
  await stopped;
  assert.equal(
    failures.map((f) => [f.tries, f.outcome]),
    [[1, "shutdown"]],
  );
  assert.is(clock.timers.length, 0);
});
test.run();

const redact = suite("redactAddresses");
redact("replaces every address, whatever surrounds it", () => {
  assert.is(
    redactAddresses("550 5.1.1 <ann@example.org>: unknown; cc bob.smith+x@mail.example.co.uk"),
    "550 5.1.1 <<address>>: unknown; cc <address>",
  );
});
redact.run();
