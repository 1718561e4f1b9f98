import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseSendLog, sendLogPath } from "../../../src/newsletter/send/send-log.ts";
import { runCli, SCRIPT } from "../cli.ts";
import { projectWithIssue, SECRET, VALID, writeSubscribers } from "./send-project.ts";
import { startRelay } from "./smtp-fixture.ts";

const cli = suite("scripts/newsletter.ts send");

cli("killed part-way (SIGKILL) and started again: everyone gets exactly one message", async () => {
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  let child: ReturnType<typeof spawn> | null = null;
  // Kill the sender when the relay has the 80th message but before it answers 250: the log says pending.
  const relay = await startRelay({
    refuse550: (to) => /^reader0[0-4]9@/.test(to),
    beforeAccept: (_m, count) => {
      if (count === 80) child?.kill("SIGKILL");
    },
  });
  const env = { ...process.env, SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET };
  const args = [SCRIPT, "send", "1", "--to", csv, "--root", root, "--rate", "500/s", "--backoff", "20"];
  try {
    const killed = await new Promise<NodeJS.Signals | null>((resolve) => {
      child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: "ignore" });
      child.on("close", (_code, signal) => resolve(signal));
    });
    assert.is(killed, "SIGKILL");
    assert.is(relay.delivered.length, 80);

    const rerun = await runCli(args.slice(1), env);
    assert.is(rerun.code, 1, "one recipient is unknown");
    const unknown = relay.delivered[79]?.to ?? "";
    assert.match(rerun.stderr, `${unknown}: unknown, a crash left it pending`);
    // Refused before the kill: reported again, not retried.
    assert.match(rerun.stderr, "reader049@example.org: refused before (550 5.1.1 No such user)");

    const expected = VALID.filter((e) => !/^reader0[0-4]9@/.test(e));
    assert.equal(relay.delivered.map((d) => d.to).sort(), expected);
    const log = parseSendLog(await readFile(path.join(root, sendLogPath(1)), "utf8"));
    assert.is(log.get(unknown)?.status, "pending");
    assert.is(log.get("reader049@example.org")?.status, "failed");
  } finally {
    await relay.close();
  }
});

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
