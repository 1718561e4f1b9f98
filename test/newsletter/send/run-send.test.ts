import { readFile, writeFile } from "node:fs/promises";
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
      const log = parseSendLog(logText);
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

send.run();
