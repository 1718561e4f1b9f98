import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseSendLog, sendLogPath } from "../../../src/newsletter/send/send-log.ts";
import { runCli, SCRIPT } from "../cli.ts";
import { projectWithIssue, SECRET, VALID, writeSubscribers } from "./send-project.ts";
import { startRelay } from "./smtp-fixture.ts";

const cli = suite("scripts/newsletter.ts send");

/** A small seeded generator, so that a failing run can be repeated with GAZETTE_TEST_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const refused = (to: string) => /^reader0[0-4]9@/.test(to);

cli("killed with SIGKILL at random points ten times, then run again: no duplicate, no miss", async () => {
  const seed = Number(process.env.GAZETTE_TEST_SEED ?? Date.now() % 1_000_000);
  const next = random(seed);
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  let child: ChildProcess | null = null;
  // Where the next kill lands: at the relay's RCPT for a message (the relay never gets it), once the relay
  // has a whole message but before its 250 (the sender's log says pending: unknown), or just after the 250.
  let killAt = { count: 0, phase: "rcpt" as "rcpt" | "data" | "after" };
  let seen = 0;
  const kill = (phase: string, count: number) => {
    if (phase === killAt.phase && count === killAt.count) child?.kill("SIGKILL");
  };
  const relay = await startRelay({
    refuse550: refused,
    atRcpt: () => kill("rcpt", ++seen),
    beforeAccept: (_m, count) => kill("data", count),
    afterAccept: (_m, count) => kill("after", count),
  });
  const env = { ...process.env, SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET };
  const args = [SCRIPT, "send", "1", "--to", csv, "--root", root, "--rate", "1000/s", "--backoff", "20"];
  const phases = ["rcpt", "data", "after"] as const;
  try {
    for (let round = 0; round < 10; round++) {
      const phase = phases[Math.floor(next() * 3)] ?? "rcpt";
      // RCPT commands are counted over every run, accepted messages by the relay's total.
      const base = phase === "rcpt" ? seen : relay.delivered.length;
      killAt = { count: base + 1 + Math.floor(next() * 12), phase };
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
        child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: "ignore" });
        child.on("close", (_code, s) => resolve(s));
      });
      assert.is(signal, "SIGKILL", `seed ${seed}, round ${round}: killed ${phase} at ${killAt.count}`);
    }
    const rerun = await runCli(args.slice(1), env);
    const log = parseSendLog(await readFile(path.join(root, sendLogPath(1))), sendLogPath(1));
    assert.equal(
      log.diagnostics.filter((d) => d.severity === "error"),
      [],
      `seed ${seed}`,
    );
    const unknown = [...log.latest.values()].filter((r) => r.status === "pending").map((r) => r.email);
    assert.is(rerun.code, unknown.length > 0 ? 1 : 0, `seed ${seed}: ${rerun.stderr}`);
    assert.match(rerun.stderr, "took over the lock of pid", `seed ${seed}`);
    for (const email of unknown) assert.match(rerun.stderr, `${email}: unknown, a crash left it pending`);

    // Every recipient the relay accepts has exactly one copy, and nobody is missing.
    const delivered = relay.delivered.map((d) => d.to);
    const expected = VALID.filter((e) => !refused(e));
    assert.is(delivered.length, new Set(delivered).size, `seed ${seed}: a duplicate`);
    assert.equal([...delivered].sort(), expected, `seed ${seed}: a miss`);
    // Those the log calls unknown are exactly those the relay had when the sender died.
    for (const email of unknown) assert.ok(delivered.includes(email), `seed ${seed}: ${email}`);
    const ledger = JSON.parse(await readFile(path.join(root, "newsletter/issues.json"), "utf8"));
    assert.is(ledger.issues[0].send.accepted, expected.length - unknown.length, `seed ${seed}`);
  } finally {
    await relay.close();
  }
});

cli(
  "killed before the relay could take the first message: the next run sends to everyone, once",
  async () => {
    const root = await projectWithIssue();
    const csv = await writeSubscribers(root);
    let child: ChildProcess | null = null;
    let kill = true;
    const relay = await startRelay({
      refuse550: refused,
      atRcpt: () => {
        if (kill) child?.kill("SIGKILL");
        kill = false;
      },
    });
    const env = { ...process.env, SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET };
    const args = [SCRIPT, "send", "1", "--to", csv, "--root", root, "--rate", "1000/s", "--backoff", "20"];
    try {
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
        child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: "ignore" });
        child.on("close", (_code, s) => resolve(s));
      });
      assert.is(signal, "SIGKILL");
      assert.is(relay.delivered.length, 0);
      // Nothing was handed over, so nothing records a send that a missing log would contradict.
      const before = JSON.parse(await readFile(path.join(root, "newsletter/issues.json"), "utf8"));
      assert.is(before.issues[0].send, undefined);
      const rerun = await runCli(args.slice(1), env);
      assert.is(rerun.code, 0, rerun.stderr);
      const delivered = relay.delivered.map((d) => d.to);
      assert.equal(
        [...delivered].sort(),
        VALID.filter((e) => !refused(e)),
      );
    } finally {
      await relay.close();
    }
  },
);

cli(
  "two send processes at once: one sends, the other says who holds the lock; one message each",
  async () => {
    const root = await projectWithIssue();
    const csv = await writeSubscribers(root);
    let releaseHold: () => void = () => {};
    const oneExited = new Promise<void>((resolve) => {
      releaseHold = resolve;
    });
    // The first message waits until one of the two runs is over, so both are surely running at once.
    const relay = await startRelay({
      holdAccept: (_m, count) =>
        count === 1
          ? Promise.race([oneExited, new Promise<void>((r) => setTimeout(r, 30_000))])
          : Promise.resolve(),
    });
    const env = { SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET };
    const args = ["send", "1", "--to", csv, "--root", root, "--rate", "1000/s"];
    try {
      const runs = [runCli(args, env), runCli(args, env)].map((p) =>
        p.then((r) => {
          releaseHold();
          return r;
        }),
      );
      const [a, b] = await Promise.all(runs);
      const codes = [a?.code, b?.code].sort();
      assert.equal(codes, [0, 1], `${a?.stderr}\n${b?.stderr}`);
      const loser = a?.code === 1 ? a : b;
      assert.match(
        loser?.stderr ?? "",
        /^newsletter\/1\/send\.lock: npm run newsletter -- send 1 is already running \(pid \d+, since \S+\); wait for it to finish, or if that process is gone, delete newsletter\/1\/send\.lock and run again\n$/m,
      );
      const to = relay.delivered.map((d) => d.to);
      assert.is(to.length, VALID.length);
      assert.equal([...to].sort(), VALID);
    } finally {
      await relay.close();
    }
  },
);

cli("bad input gives one line and exit 1", async () => {
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  const r = await runCli(["send", "1", "--to", csv, "--root", root], {
    SMTP_URL: "",
    SMTP_HOST: "",
    GAZETTE_UNSUBSCRIBE_SECRET: SECRET,
  });
  assert.is(r.code, 1);
  assert.is(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, "no SMTP relay configured");
  const noNumber = await runCli(["send", "--to", csv, "--root", root]);
  // A missing argument is a usage error: the line, the usage, exit 2.
  assert.is(noNumber.code, 2);
  assert.match(
    noNumber.stderr,
    /^npm run newsletter -- send: send needs the issue number\nusage: npm run newsletter -- send <N> /,
  );
});

cli.run();
