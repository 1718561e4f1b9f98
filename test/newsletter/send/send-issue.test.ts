import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatProgress, type SendDeps, sendIssue } from "../../../src/newsletter/send/send-issue.ts";
import type { SendRecord } from "../../../src/newsletter/send/send-log.ts";

const sub = (email: string) => ({ email, name: null, line: 1 });
const smtpError = (code: number | undefined, text: string) =>
  Object.assign(
    new Error(text),
    code === undefined ? { code: "ECONNECTION" } : { responseCode: code, response: `${code} ${text}` },
  );

/** Fakes with a virtual clock: sleeping moves time on instantly. */
function fakes(deliver: SendDeps["deliver"]) {
  let clock = 0;
  const records: SendRecord[] = [];
  const deps: SendDeps = {
    deliver,
    compose: async (s) => Buffer.from(`to ${s.email}`),
    log: { append: async (r) => void records.push(r), close: async () => {} },
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    progress: () => {},
  };
  return { deps, records, clock: () => clock };
}

const send = suite("sendIssue");

const accept = async (_to: string, _raw: Buffer, handing: () => Promise<void>) => {
  await handing();
  return "250 OK";
};

send("logs pending once the relay may have the message, and sent after the 250", async () => {
  const { deps, records } = fakes(accept);
  const summary = await sendIssue([sub("a@x.org"), sub("b@x.org")], deps, {
    perSecond: 10,
    tries: 4,
    backoffMs: 1000,
  });
  assert.equal(summary, { sent: ["a@x.org", "b@x.org"], failed: [], deferred: [] });
  assert.equal(
    records.map((r) => `${r.email} ${r.status}`),
    ["a@x.org pending", "a@x.org sent", "b@x.org pending", "b@x.org sent"],
  );
  assert.is(records[1]?.response, "250 OK");
});

send("nothing is pending before the relay could take the message; after that, pending first", async () => {
  const order: string[] = [];
  const { deps, records } = fakes(async (to, _raw, handing) => {
    order.push(`deliver ${to} (log: ${records.length})`);
    await handing();
    order.push(`end of data ${to} (log: ${records.length})`);
    if (to === "b@x.org") throw smtpError(554, "Rejected after data");
    return "250 OK";
  });
  await sendIssue([sub("a@x.org"), sub("b@x.org")], deps, { perSecond: 100, tries: 1, backoffMs: 1 });
  assert.equal(order, [
    "deliver a@x.org (log: 0)",
    "end of data a@x.org (log: 1)",
    "deliver b@x.org (log: 2)",
    "end of data b@x.org (log: 3)",
  ]);
  assert.equal(
    records.map((r) => `${r.email} ${r.status}`),
    ["a@x.org pending", "a@x.org sent", "b@x.org pending", "b@x.org failed"],
  );
});

send("5xx: recorded once, not retried", async () => {
  let calls = 0;
  const { deps, records } = fakes(async () => {
    calls++;
    throw smtpError(550, "No such user");
  });
  const summary = await sendIssue([sub("a@x.org")], deps, { perSecond: 10, tries: 4, backoffMs: 1000 });
  assert.is(calls, 1);
  assert.equal(summary.failed, [{ email: "a@x.org", response: "550 No such user" }]);
  assert.equal(
    records.map((r) => r.status),
    ["failed"],
    "refused at RCPT: the relay never had it",
  );
});

send("4xx and dropped connections: retried with backoff while others go on", async () => {
  const attempts: string[] = [];
  const { deps, records } = fakes(async (to, raw, handing) => {
    attempts.push(to);
    if (to === "a@x.org" && attempts.filter((t) => t === to).length === 1) throw smtpError(421, "Try later");
    if (to === "b@x.org" && attempts.filter((t) => t === to).length === 1)
      throw smtpError(undefined, "Connection closed");
    return accept(to, raw, handing);
  });
  const summary = await sendIssue([sub("a@x.org"), sub("b@x.org"), sub("c@x.org")], deps, {
    perSecond: 100,
    tries: 4,
    backoffMs: 1000,
  });
  assert.equal(summary.sent.sort(), ["a@x.org", "b@x.org", "c@x.org"]);
  assert.equal(attempts, ["a@x.org", "b@x.org", "c@x.org", "a@x.org", "b@x.org"]);
  assert.equal(
    records.filter((r) => r.email === "a@x.org").map((r) => r.status),
    ["deferred", "pending", "sent"],
  );
});

send("temporary failures on every try end up deferred", async () => {
  const { deps, clock } = fakes(async () => {
    throw smtpError(451, "Greylisted");
  });
  const summary = await sendIssue([sub("a@x.org")], deps, { perSecond: 100, tries: 3, backoffMs: 1000 });
  assert.equal(summary.deferred, [{ email: "a@x.org", response: "451 Greylisted" }]);
  assert.ok(clock() >= 3000, "waited 1 s, then 2 s");
});

send("a fatal relay error (TLS, login) stops the run: nobody is marked refused", async () => {
  const { deps, records } = fakes(async () => {
    throw Object.assign(smtpError(500, "STARTTLS not recognized"), { fatal: true });
  });
  const error = await sendIssue([sub("a@x.org"), sub("b@x.org")], deps, {
    perSecond: 100,
    tries: 4,
    backoffMs: 1,
  }).catch((e: Error) => e);
  assert.instance(error, Error);
  assert.equal(records, []);
});

send("a line the log cannot take stops the run: never retried, never marked refused", async () => {
  for (const failing of ["pending", "sent"] as const) {
    const handed: string[] = [];
    const { deps, records } = fakes(async (to, _raw, handing) => {
      await handing();
      handed.push(to);
      return "250 OK";
    });
    deps.log = {
      append: async (r) => {
        if (r.status === failing) throw new Error("ENOSPC: no space left on device");
        records.push(r);
      },
      close: async () => {},
    };
    const error = await sendIssue([sub("a@x.org"), sub("b@x.org")], deps, {
      perSecond: 100,
      tries: 4,
      backoffMs: 1,
    }).catch((e: Error) => e);
    assert.instance(error, Error, failing);
    assert.match((error as Error).message, "ENOSPC", failing);
    // The first message's pending line is the last record: nothing after it, b never tried.
    assert.equal(
      records.map((r) => `${r.email} ${r.status}`),
      failing === "pending" ? [] : ["a@x.org pending"],
      failing,
    );
    assert.equal(handed, failing === "pending" ? [] : ["a@x.org"], failing);
  }
});

send("keeps to the rate", async () => {
  const { deps, clock } = fakes(accept);
  await sendIssue(
    ["a", "b", "c", "d", "e"].map((n) => sub(`${n}@x.org`)),
    deps,
    { perSecond: 2, tries: 1, backoffMs: 1 },
  );
  assert.is(clock(), 2000);
});

send.run();

const progress = suite("formatProgress");
progress("sent, failed, remaining and the time left", () => {
  assert.is(
    formatProgress({ sent: 120, failed: 3, remaining: 77, secondsLeft: 7.2 }),
    "sent 120 · failed 3 · remaining 77 · about 8 s left",
  );
  assert.is(
    formatProgress({ sent: 1, failed: 0, remaining: 900, secondsLeft: 600 }),
    "sent 1 · failed 0 · remaining 900 · about 10 min left",
  );
});
progress.run();
