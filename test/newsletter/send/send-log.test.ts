import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  openSendLog,
  parseSendLog,
  readSendLog,
  sendLogPath,
} from "../../../src/newsletter/send/send-log.ts";

const where = suite("sendLogPath");
where("beside the issue's files", () => assert.is(sendLogPath(4), "newsletter/4/send-log.jsonl"));
where.run();

const parse = suite("parseSendLog");
parse("the latest record per address, case ignored; a torn last line is ignored", () => {
  const text = [
    '{"email":"Ann@x.org","status":"pending","at":"t"}',
    '{"email":"ann@x.org","status":"sent","at":"t","response":"250 OK"}',
    '{"email":"bob@x.org","status":"pending","at":"t"}',
    '{"email":"cy@x.org","status":"pen',
  ].join("\n");
  const log = parseSendLog(text);
  assert.is(log.get("ann@x.org")?.status, "sent");
  assert.is(log.get("bob@x.org")?.status, "pending");
  assert.not.ok(log.has("cy@x.org"));
});
parse.run();

const open = suite("openSendLog");
open("appends JSON lines; after a torn line the next record starts on its own line", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-log-"));
  await mkdir(path.join(root, "newsletter/1"), { recursive: true });
  await writeFile(
    path.join(root, sendLogPath(1)),
    '{"email":"a@x.org","status":"sent","at":"t"}\n{"email":"b@x',
  );
  const log = await openSendLog(root, 1);
  await log.append({ email: "c@x.org", status: "pending", at: "t" });
  await log.close();
  const text = await readFile(path.join(root, sendLogPath(1)), "utf8");
  assert.ok(text.endsWith('\n{"email":"c@x.org","status":"pending","at":"t"}\n'));
  const read = await readSendLog(root, 1);
  assert.equal([...read.keys()], ["a@x.org", "c@x.org"]);
});
open("no log yet: empty", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-log-"));
  assert.is((await readSendLog(root, 1)).size, 0);
});
open.run();
