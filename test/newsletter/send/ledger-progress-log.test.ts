import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { SendProgress } from "../../../src/newsletter/ledger.ts";
import { withLedgerProgress } from "../../../src/newsletter/send/ledger-progress-log.ts";
import type { SendRecord } from "../../../src/newsletter/send/send-log.ts";

/** A log and a ledger in memory, with a clock the test moves, and the order in which they were written. */
function fakes(previous?: SendProgress, failRecord: (n: number) => boolean = () => false) {
  let clock = Date.parse("2024-03-08T10:00:00.000Z");
  let ledger = previous;
  let records = 0;
  const events: string[] = [];
  const log = withLedgerProgress(
    {
      append: async (r) => void events.push(`log ${r.email} ${r.status}`),
      close: async () => void events.push("log closed"),
    },
    {
      alreadyAccepted: previous?.accepted ?? 0,
      record: async (progress) => {
        records++;
        if (failRecord(records)) return "newsletter/issues.json: cannot be written (EACCES)";
        ledger = progress(ledger);
        events.push(`ledger ${ledger.started} ${ledger.accepted}`);
        return null;
      },
      now: () => clock,
      everyMs: 1000,
    },
  );
  const line = (email: string, status: SendRecord["status"]): SendRecord => ({
    email,
    status,
    at: new Date(clock).toISOString(),
  });
  const tick = (ms: number): void => {
    clock += ms;
  };
  return { log, events, line, ledger: () => ledger, tick };
}

const progress = suite("withLedgerProgress");

progress("no record until the first pending line; then right after it, before anything else", async () => {
  const { log, events, line, ledger } = fakes();
  await log.append(line("a@x.org", "failed"));
  assert.is(ledger(), undefined, "a message refused at RCPT was never handed over");
  assert.not.ok(log.started);
  await log.append(line("b@x.org", "pending"));
  assert.ok(log.started);
  assert.equal(events, ["log a@x.org failed", "log b@x.org pending", "ledger 2024-03-08T10:00:00.000Z 0"]);
});

progress("a run that never handed a message over records nothing, even when closed", async () => {
  const { log, events, ledger } = fakes();
  await log.close();
  assert.is(ledger(), undefined);
  assert.equal(events, ["log closed"]);
});

progress("the count follows the sent lines, at most once per interval, and exactly on close", async () => {
  const { log, line, ledger, tick } = fakes();
  await log.append(line("a@x.org", "pending"));
  await log.append(line("a@x.org", "sent"));
  assert.is(ledger()?.accepted, 0, "within the interval");
  tick(1000);
  await log.append(line("b@x.org", "pending"));
  await log.append(line("b@x.org", "sent"));
  assert.is(ledger()?.accepted, 2);
  await log.append(line("c@x.org", "pending"));
  await log.append(line("c@x.org", "sent"));
  await log.append(line("d@x.org", "deferred"));
  assert.is(ledger()?.accepted, 2);
  await log.close();
  assert.equal(ledger(), { started: "2024-03-08T10:00:00.000Z", accepted: 3 });
});

progress("a later run keeps when sending began and counts on from the log", async () => {
  const { log, line, ledger, tick } = fakes({ started: "2024-03-01T08:00:00.000Z", accepted: 5 });
  tick(60_000);
  await log.append(line("f@x.org", "pending"));
  await log.append(line("f@x.org", "sent"));
  await log.close();
  assert.equal(ledger(), { started: "2024-03-01T08:00:00.000Z", accepted: 6 });
});

progress(
  "if the start cannot be recorded, the pending append fails and nothing is marked started",
  async () => {
    const { log, line, ledger } = fakes(undefined, () => true);
    const error = await log.append(line("a@x.org", "pending")).catch((e: Error) => e);
    assert.instance(error, Error);
    assert.match(
      (error as Error).message,
      "cannot be written (EACCES); the message to a@x.org was not handed over",
    );
    assert.not.ok(log.started);
    assert.is(ledger(), undefined);
  },
);

progress("a count that cannot be updated is a warning, and the send goes on", async () => {
  const { log, line, ledger, tick } = fakes(undefined, (n) => n === 2);
  await log.append(line("a@x.org", "pending"));
  tick(1000);
  await log.append(line("a@x.org", "sent"));
  assert.equal(log.warnings, ["newsletter/issues.json: cannot be written (EACCES)"]);
  await log.close();
  assert.is(ledger()?.accepted, 1, "written on close");
});

progress.run();
