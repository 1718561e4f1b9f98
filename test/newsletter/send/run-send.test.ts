import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runSend, type SendCommand } from "../../../src/newsletter/send/run-send.ts";
import { parseSendLog, sendLogPath } from "../../../src/newsletter/send/send-log.ts";
import { unsubscribeToken } from "../../../src/newsletter/unsubscribe.ts";
import { projectWithIssue, SECRET, sendRecorder, VALID, writeSubscribers } from "./send-project.ts";
import { startRelay } from "./smtp-fixture.ts";

const command = (
  root: string,
  csv: string | null,
  env: Record<string, string>,
  extra: Partial<SendCommand> = {},
): SendCommand => ({
  root,
  issue: 1,
  to: csv,
  dryRun: false,
  test: null,
  rate: "1000/s",
  resendUnknown: false,
  retryFailed: false,
  env: { GAZETTE_UNSUBSCRIBE_SECRET: SECRET, ...env },
  backoffMs: 20,
  ...extra,
});

const refused = (to: string) => /reader0[0-9]7@/.test(to);
const send = suite("runSend");

send(
  "200 recipients: one message each with their own unsubscribe link; 550s reported; 421s and a drop retried",
  async () => {
    const root = await projectWithIssue();
    const csv = await writeSubscribers(root);
    const relay = await startRelay({
      refuse550: refused,
      refuse421Once: (to) => to.endsWith("33@example.org"),
      dropOnce: (to) => to === "reader150@example.org",
    });
    try {
      const io = sendRecorder();
      const code = await runSend(command(root, csv, { SMTP_URL: relay.url }), io);
      assert.is(code, 0, io.errors.join("\n"));
      const expected = VALID.filter((e) => !refused(e));
      assert.equal(relay.delivered.map((d) => d.to).sort(), expected);
      assert.match(io.errors.join("\n"), "not an address");
      for (const e of VALID.filter(refused))
        assert.match(io.errors.join("\n"), `${e}: refused (550 5.1.1 No such user)`);
      assert.match(
        io.lines.join("\n"),
        `Issue 1: ${expected.length} sent, ${VALID.length - expected.length} refused`,
      );
      assert.match(io.progressLines.at(-1) ?? "", /sent \d+ · failed 10 · remaining 0/);
      for (const message of relay.delivered) {
        const mail = await simpleParser(message.raw);
        const url = `https://news.example.org/unsubscribe?email=${encodeURIComponent(message.to)}&token=${unsubscribeToken(message.to, SECRET)}`;
        assert.match(String(mail.html), `href="${url.replace("&", "&amp;")}"`);
        assert.match(mail.text ?? "", `Unsubscribe: ${url}`);
        assert.match(
          message.raw.toString(),
          `List-Unsubscribe: <${url}>, <mailto:unsubscribe@news.example.org?subject=unsubscribe>`,
        );
        assert.match(message.raw.toString(), "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assert.is(mail.subject, "Test Gazette #1: Alpha & <Omega>");
        assert.match(mail.to && !Array.isArray(mail.to) ? mail.to.text : "", message.to);
      }
      const logText = await readFile(path.join(root, sendLogPath(1)), "utf8");
      assert.match(logText, '{"email":"reader033@example.org","status":"deferred"');
      assert.match(logText, '{"email":"reader150@example.org","status":"deferred"');
      const log = parseSendLog(Buffer.from(logText), sendLogPath(1)).latest;
      assert.is(log.get("reader007@example.org")?.status, "failed");
      assert.is(log.get("reader033@example.org")?.status, "sent");
      assert.is(log.get("reader150@example.org")?.status, "sent");
      assert.not.ok(log.has("gone@example.org"));

      // A rerun sends nothing more: everyone was taken or refused for good.
      const again = sendRecorder();
      assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), again), 0);
      assert.is(relay.delivered.length, expected.length);
    } finally {
      await relay.close();
    }
  },
);

send(
  "--dry-run lists who would get it and writes nothing; --test sends one copy outside the log",
  async () => {
    const root = await projectWithIssue();
    const csv = await writeSubscribers(root);
    const relay = await startRelay();
    try {
      const dry = sendRecorder();
      assert.is(await runSend(command(root, csv, {}, { dryRun: true }), dry), 0);
      assert.match(
        dry.lines[0] ?? "",
        "Would send issue 1 to 200 recipients (skipping 1 unsubscribed, 1 duplicate)",
      );
      assert.is(dry.lines.length, 201);
      const test = sendRecorder();
      assert.is(
        await runSend(command(root, null, { SMTP_URL: relay.url }, { test: "editor@example.org" }), test),
        0,
      );
      assert.equal(
        relay.delivered.map((d) => d.to),
        ["editor@example.org"],
      );
      assert.not.ok(await readFile(path.join(root, sendLogPath(1))).catch(() => null));
    } finally {
      await relay.close();
    }
  },
);

send("bad input: one clear line, nothing sent", async () => {
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  const relay = await startRelay();
  try {
    const cases: [string, SendCommand, RegExp][] = [];
    await writeFile(path.join(root, "nocol.csv"), "address\nann@example.org\n");
    cases.push([
      "missing column",
      command(root, path.join(root, "nocol.csv"), { SMTP_URL: relay.url }),
      /has no "email" column/,
    ]);
    cases.push([
      "unreadable file",
      command(root, path.join(root, "missing.csv"), { SMTP_URL: relay.url }),
      /missing\.csv does not exist/,
    ]);
    cases.push(["no SMTP", command(root, csv, {}), /no SMTP relay configured: set SMTP_URL/]);
    cases.push([
      "no secret",
      command(root, csv, { SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: "" }),
      /GAZETTE_UNSUBSCRIBE_SECRET is not set/,
    ]);
    cases.push([
      "short secret",
      command(root, csv, { SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: "s3cret" }),
      /GAZETTE_UNSUBSCRIBE_SECRET has 6 bytes \(expected at least 32, .*openssl rand -base64 32\)/,
    ]);
    cases.push([
      "no issue",
      command(root, csv, { SMTP_URL: relay.url }, { issue: 9 }),
      /issue 9 is not in newsletter\/issues\.json/,
    ]);
    const ledgerFile = path.join(root, "newsletter/issues.json");
    const ledgerText = await readFile(ledgerFile, "utf8");
    await rm(ledgerFile);
    const lost = sendRecorder();
    assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), lost), 1);
    assert.match(lost.errors.join("\n"), "newsletter/issues.json is missing, but newsletter/1/ exists");
    assert.match(lost.errors.join("\n"), "git checkout -- newsletter/issues.json");
    await writeFile(ledgerFile, ledgerText);
    cases.push(["bad rate", command(root, csv, { SMTP_URL: relay.url }, { rate: "fast" }), /--rate "fast"/]);
    for (const [name, cmd, message] of cases) {
      const io = sendRecorder();
      assert.is(await runSend(cmd, io), 1, name);
      assert.is(io.errors.length, 1, `${name}: ${io.errors.join(" | ")}`);
      assert.match(io.errors[0] ?? "", message);
    }
    assert.is(relay.delivered.length, 0);
  } finally {
    await relay.close();
  }
});

send(
  "two sends of one issue at once: the second is refused by the lock, everyone gets one message",
  async () => {
    const root = await projectWithIssue();
    const csv = await writeSubscribers(root);
    const relay = await startRelay();
    try {
      const a = sendRecorder();
      const b = sendRecorder();
      const codes = await Promise.all([
        runSend(command(root, csv, { SMTP_URL: relay.url }), a),
        runSend(command(root, csv, { SMTP_URL: relay.url }), b),
      ]);
      assert.equal(codes.sort(), [0, 1]);
      const loser = codes[0] === 1 ? a : b;
      assert.match(
        [...a.errors, ...b.errors].join("\n"),
        /newsletter\/1\/send\.lock: npm run newsletter -- send 1 is already running \(pid \d+, since [^)]+\); wait for it to finish, or if that process is gone, delete newsletter\/1\/send\.lock and run again/,
      );
      assert.ok(loser);
      const to = relay.delivered.map((d) => d.to);
      assert.is(to.length, VALID.length);
      assert.equal([...new Set(to)].sort(), VALID);
      // The lock is gone once the run is over.
      assert.not.ok(await readFile(path.join(root, "newsletter/1/send.lock")).catch(() => null));
    } finally {
      await relay.close();
    }
  },
);

send("the ledger records that sending began and how many the relay took; a lost log is refused", async () => {
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  const relay = await startRelay({ refuse550: refused });
  try {
    assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), sendRecorder()), 0);
    const ledger = JSON.parse(await readFile(path.join(root, "newsletter/issues.json"), "utf8"));
    const accepted = VALID.filter((e) => !refused(e)).length;
    assert.is(ledger.issues[0].send.accepted, accepted);
    assert.ok(!Number.isNaN(Date.parse(ledger.issues[0].send.started)));
    const logFile = path.join(root, sendLogPath(1));
    const full = await readFile(logFile);
    const lost: [string, () => Promise<void>, string][] = [
      ["deleted", () => rm(logFile), "is missing"],
      ["emptied", () => writeFile(logFile, ""), "is empty"],
      [
        "cut short",
        () => writeFile(logFile, full.subarray(0, full.indexOf("\n", full.length / 2) + 1)),
        "lists",
      ],
    ];
    for (const [name, damage, state] of lost) {
      await damage();
      const io = sendRecorder();
      assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), io), 1, name);
      assert.match(io.errors.join("\n"), `${sendLogPath(1)} ${state}`, name);
      assert.match(
        io.errors.join("\n"),
        `but newsletter/issues.json records that sending issue 1 began at ${ledger.issues[0].send.started} and the relay took ${accepted} messages: sending now would give those readers a second copy`,
      );
      assert.is(relay.delivered.length, accepted, `${name}: nothing more sent`);
    }
    // A dry run says the same, and sends nothing either.
    const dry = sendRecorder();
    assert.is(await runSend(command(root, csv, {}, { dryRun: true }), dry), 1);
    assert.match(dry.errors.join("\n"), "sending now would give those readers a second copy");
  } finally {
    await relay.close();
  }
});

send("a corrupted send log stops the send before anything goes out, naming file and line", async () => {
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  const relay = await startRelay();
  const logFile = path.join(root, sendLogPath(1));
  const ok =
    '{"email":"reader000@example.org","status":"sent","at":"2024-03-08T10:00:00.000Z","response":"250 OK"}';
  try {
    const cases: [string, string | Buffer, RegExp][] = [
      [
        "SENT",
        `${ok}\n${ok.replace('"sent"', '"SENT"')}\n`,
        /send-log\.jsonl:2 error send-log\/bad-line: this line has status "SENT"/,
      ],
      [
        "garbled JSON mid-file",
        `${ok}\n{"email":"reader001@exa\n${ok}\n`,
        /send-log\.jsonl:2 error send-log\/bad-line: this line is not valid JSON/,
      ],
      [
        "NUL bytes",
        Buffer.concat([Buffer.from(`${ok}\n`), Buffer.alloc(8), Buffer.from(`\n${ok}\n`)]),
        /send-log\.jsonl:2 error send-log\/bad-line: this line holds a NUL byte/,
      ],
      [
        "unknown status",
        `${ok.replace('"sent"', '"bounced"')}\n`,
        /send-log\.jsonl:1 error .*has status "bounced", not one of pending, sent, failed, deferred/,
      ],
      [
        "missing field",
        '{"email":"reader000@example.org","status":"pending"}\n',
        /send-log\.jsonl:1 error .*this line has no at \(expected one record a line: \{"email"/,
      ],
    ];
    for (const [name, text, message] of cases) {
      await writeFile(logFile, text);
      const io = sendRecorder();
      assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), io), 1, name);
      assert.match(io.errors.join("\n"), message, name);
      assert.match(io.errors.join("\n"), "nothing was sent", name);
      assert.is(relay.delivered.length, 0, `${name}: nothing sent`);
      assert.equal(await readFile(logFile), Buffer.from(text), `${name}: the log is untouched`);
    }
    await rm(logFile);
    await mkdir(logFile);
    const folder = sendRecorder();
    assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), folder), 1);
    assert.equal(folder.errors.slice(-1), [
      "newsletter/1/send-log.jsonl is a folder (expected the send log, a file): move it away, then run again",
    ]);
    await rm(logFile, { recursive: true });
    // A torn last line (a crash mid-write) is reported, cut off, and the send goes on.
    await writeFile(logFile, `${ok}\n{"email":"reader001@exa`);
    const torn = sendRecorder();
    assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), torn), 0, torn.errors.join("\n"));
    assert.match(torn.errors.join("\n"), "send-log.jsonl:2 warning send-log/torn-line");
    assert.is(relay.delivered.length, VALID.length - 1, "everyone but reader000, who had it");
    assert.not.match(await readFile(logFile, "utf8"), "reader001@exa\n");
  } finally {
    await relay.close();
  }
});

send("with SMTP credentials, a relay that offers no STARTTLS never sees the password", async () => {
  const root = await projectWithIssue();
  const csv = await writeSubscribers(root);
  const relay = await startRelay({ auth: { user: "editor", pass: "hunter2hunter2" } });
  try {
    const io = sendRecorder();
    const url = relay.url.replace("smtp://", "smtp://editor:hunter2hunter2@");
    assert.is(await runSend(command(root, csv, { SMTP_URL: url }), io), 1);
    assert.equal(relay.auths, []);
    assert.is(relay.delivered.length, 0);
    assert.match(io.errors.join("\n"), /STARTTLS/);
    assert.not.match(io.errors.join("\n"), "hunter2");
    // The explicit opt-out for a relay on this machine: warned, then sent.
    const insecure = sendRecorder();
    assert.is(await runSend(command(root, csv, { SMTP_URL: url, SMTP_INSECURE: "true" }), insecure), 0);
    assert.match(insecure.errors.join("\n"), "warning: SMTP_INSECURE=true: the password for");
    assert.ok(relay.auths.length > 0 && relay.auths.every((a) => a.user === "editor"));
    assert.is(relay.delivered.length, VALID.length);
  } finally {
    await relay.close();
  }
});

send(
  'one recipient is "1 recipient"; a dry run without the relay\'s settings says the send would stop',
  async () => {
    const root = await projectWithIssue();
    const csv = path.join(root, "one.csv");
    await writeFile(csv, "email\nann@example.org\n");
    const dry = sendRecorder();
    assert.is(await runSend(command(root, csv, {}, { dryRun: true }), dry), 0);
    assert.is(dry.lines[0], "Would send issue 1 to 1 recipient:");
    assert.match(dry.errors.join("\n"), "note: the send itself would stop here: no SMTP relay configured");
    const relay = await startRelay();
    try {
      const io = sendRecorder();
      assert.is(await runSend(command(root, csv, { SMTP_URL: relay.url }), io), 0, io.errors.join("\n"));
      assert.match(io.lines[0] ?? "", /^Sending issue 1 to 1 recipient through /);
      assert.match(io.lines.at(-1) ?? "", "Issue 1: 1 sent, 0 refused");
    } finally {
      await relay.close();
      await rm(root, { recursive: true });
    }
  },
);

send.run();
