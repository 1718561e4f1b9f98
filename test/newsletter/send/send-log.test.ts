import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  openSendLog,
  parseSendLog,
  readSendLog,
  sendLockPath,
  sendLogPath,
} from "../../../src/newsletter/send/send-log.ts";
import { formatDiagnostic } from "../../../src/shared/diagnostic.ts";

const FILE = "newsletter/1/send-log.jsonl";
const AT = "2024-03-08T10:00:00.000Z";
const rec = (email: string, status: string, response?: string) =>
  JSON.stringify({ email, status, at: AT, ...(response === undefined ? {} : { response }) });
const parse = (text: string | Uint8Array) =>
  parseSendLog(typeof text === "string" ? Buffer.from(text) : text, FILE);
const messages = (text: string | Uint8Array) => parse(text).diagnostics.map(formatDiagnostic);

const where = suite("sendLogPath");
where("beside the issue's files", () => assert.is(sendLogPath(4), "newsletter/4/send-log.jsonl"));
where.run();

const lockPath = suite("sendLockPath");
lockPath("one lock per issue, beside its log", () => assert.is(sendLockPath(4), "newsletter/4/send.lock"));
lockPath.run();

const strict = suite("parseSendLog");

strict("the latest record per address, case ignored; counts records and sent", () => {
  const log = parse(
    [
      rec("Ann@x.org", "pending"),
      rec("ann@x.org", "sent", "250 OK"),
      rec("bob@x.org", "pending"),
      rec("cy@x.org", "failed", "550 No"),
      "",
    ].join("\n"),
  );
  assert.equal(log.diagnostics, []);
  assert.is(log.latest.get("ann@x.org")?.status, "sent");
  assert.is(log.latest.get("bob@x.org")?.status, "pending");
  assert.is(log.records, 4);
  assert.is(log.sent, 1);
  assert.is(log.needsNewline, false);
});

strict("a torn last line is a warning, and cut off before appending", () => {
  const head = `${rec("a@x.org", "sent", "250 OK")}\n`;
  const log = parse(`${head}{"email":"cy@x.org","status":"pen`);
  assert.equal(messages(`${head}{"email":"cy@x.org","status":"pen`), [
    `${FILE}:2 warning send-log/torn-line: the last line is cut short (a crash while it was written): ignored, and removed before new records are added`,
  ]);
  assert.not.ok(log.latest.has("cy@x.org"));
  assert.is(log.keepBytes, Buffer.byteLength(head));
  // File systems can leave NUL bytes where a crash cut the last write short.
  const nul = parse(Buffer.concat([Buffer.from(head), Buffer.alloc(40)]));
  assert.is(nul.diagnostics[0]?.code, "send-log/torn-line");
  assert.is(nul.keepBytes, Buffer.byteLength(head));
  // A whole last record without its newline is kept.
  const whole = parse(head + rec("b@x.org", "pending"));
  assert.equal(whole.diagnostics, []);
  assert.ok(whole.needsNewline);
  assert.is(whole.latest.get("b@x.org")?.status, "pending");
});

strict("any other bad line is an error at its line with the expected form", () => {
  const ok = rec("a@x.org", "sent", "250 OK");
  const cases: [string, string][] = [
    [
      rec("b@x.org", "SENT", "250 OK"),
      'has status "SENT", not one of pending, sent, failed, deferred (lower case)',
    ],
    [
      '{"email":"b@x.org","status":"sent",',
      'is not valid JSON: "{\\"email\\":\\"b@x.org\\",\\"status\\":\\"sent\\","',
    ],
    [`${rec("b@x.org", "pending")}\u0000`, "holds a NUL byte"],
    [
      rec("b@x.org", "delivered", "250"),
      'has status "delivered", not one of pending, sent, failed, deferred (lower case)',
    ],
    ['{"status":"sent","at":"2024-03-08T10:00:00Z","response":"250"}', "has no email"],
    ['{"email":"b@x.org","at":"2024-03-08T10:00:00Z"}', "has no status"],
    ['{"email":"b@x.org","status":"pending"}', "has no at"],
    [
      '{"email":"b@x.org","status":"pending","at":"yesterday"}',
      'has at "yesterday", not an ISO 8601 date-time',
    ],
    [rec("b@x.org", "sent"), 'is "sent" without a response'],
    [
      '{"email":"not an address","status":"pending","at":"2024-03-08T10:00:00Z"}',
      'has email "not an address", not an address',
    ],
    ["[1,2]", "is not a JSON object"],
    ["SENT b@x.org", 'is not valid JSON: "SENT b@x.org"'],
  ];
  for (const [line, why] of cases) {
    const text = `${ok}\n${line}\n${ok}\n`;
    const [message, ...more] = messages(text);
    assert.is(
      message,
      `${FILE}:2 error send-log/bad-line: this line ${why} (expected one record a line: {"email":"ann@example.org","status":"pending|sent|failed|deferred","at":"2024-03-08T10:00:00.000Z","response":"250 …"}); nothing was sent: fix or remove that line`,
    );
    assert.equal(more, []);
  }
  const notUtf8 = Buffer.concat([
    Buffer.from(`${ok}\n`),
    Buffer.from([0xff, 0xfe, 0x0a]),
    Buffer.from(`${ok}\n`),
  ]);
  assert.match(messages(notUtf8)[0] ?? "", `${FILE}:2 error send-log/bad-line: this line is not UTF-8 text`);
  // A bad last line that does end with a newline was written whole: an error, not a torn line.
  assert.match(messages(`${ok}\n${rec("b@x.org", "SENT", "250")}\n`)[0] ?? "", `${FILE}:2 error`);
});

strict("blank lines are ignored", () => {
  const log = parse(`\n${rec("a@x.org", "pending")}\n\n`);
  assert.equal(log.diagnostics, []);
  assert.is(log.records, 1);
});

strict.run();

const read = suite("readSendLog");
read("no log yet: empty, and says it does not exist; a folder in its place is a message", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-log-"));
  const none = await readSendLog(root, 1);
  assert.ok(none.ok && !none.exists && none.log.records === 0);
  await mkdir(path.join(root, sendLogPath(1)), { recursive: true });
  const folder = await readSendLog(root, 1);
  assert.equal(folder, {
    ok: false,
    message: `${FILE} is a folder (expected the send log, a file): move it away, then run again`,
  });
});
read.run();

const open = suite("openSendLog");
open("appends JSON lines, flushed; a torn last line is cut off first", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-log-"));
  await mkdir(path.join(root, "newsletter/1"), { recursive: true });
  const head = `${rec("a@x.org", "sent", "250 OK")}\n`;
  await writeFile(path.join(root, sendLogPath(1)), `${head}{"email":"b@x`);
  const before = await readSendLog(root, 1);
  assert.ok(before.ok);
  if (!before.ok) return;
  const log = await openSendLog(root, 1, before.log);
  await log.append({ email: "c@x.org", status: "pending", at: AT });
  await log.close();
  const text = await readFile(path.join(root, sendLogPath(1)), "utf8");
  assert.is(text, `${head}${rec("c@x.org", "pending")}\n`);
  const after = await readSendLog(root, 1);
  assert.ok(after.ok && after.log.diagnostics.length === 0);
  assert.equal(after.ok ? [...after.log.latest.keys()] : [], ["a@x.org", "c@x.org"]);
});
open("a whole last record without its newline gets one before the next", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-log-"));
  await mkdir(path.join(root, "newsletter/1"), { recursive: true });
  await writeFile(path.join(root, sendLogPath(1)), rec("a@x.org", "pending"));
  const before = await readSendLog(root, 1);
  if (!before.ok) throw new Error(before.message);
  const log = await openSendLog(root, 1, before.log);
  await log.append({ email: "a@x.org", status: "sent", at: AT, response: "250" });
  await log.close();
  assert.is(
    await readFile(path.join(root, sendLogPath(1)), "utf8"),
    `${rec("a@x.org", "pending")}\n${rec("a@x.org", "sent", "250")}\n`,
  );
});
open.run();
