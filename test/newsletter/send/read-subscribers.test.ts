import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  isEmailAddress,
  parseSubscribers,
  readSubscribers,
} from "../../../src/newsletter/send/read-subscribers.ts";

const address = suite("isEmailAddress");
address("accepts ordinary addresses, rejects the rest", () => {
  for (const ok of ["ann@example.org", "a.b+tag@mail.example.co.uk"]) assert.ok(isEmailAddress(ok), ok);
  for (const bad of [
    "",
    "ann",
    "ann@",
    "@x.org",
    "a b@x.org",
    "ann@localhost",
    "a@@x.org",
    "a..b@x.org",
    "<a@x.org>",
  ])
    assert.not.ok(isEmailAddress(bad), bad);
});
address.run();

const parse = suite("parseSubscribers");

parse("email, name and status; header case and spacing do not matter", () => {
  const list = parseSubscribers("Email, Name ,STATUS\nann@x.org,Ann,subscribed\nbob@x.org,,\n", "subs.csv");
  assert.equal(list.subscribers, [
    { email: "ann@x.org", name: "Ann", line: 2 },
    { email: "bob@x.org", name: null, line: 3 },
  ]);
  assert.equal(list.diagnostics, []);
});

parse("invalid addresses are reported with their line and skipped", () => {
  const list = parseSubscribers("email\nann@x.org\nnot-an-address\n\nbob@x.org\n", "subs.csv");
  assert.equal(
    list.subscribers.map((s) => s.email),
    ["ann@x.org", "bob@x.org"],
  );
  assert.is(list.diagnostics.length, 1);
  assert.is(list.diagnostics[0]?.severity, "warning");
  assert.is(list.diagnostics[0]?.line, 3);
  assert.match(list.diagnostics[0]?.message ?? "", '"not-an-address" is not an email address');
});

parse("addresses that differ only in case are sent once", () => {
  const list = parseSubscribers("email\nAnn@X.org\nann@x.org\nANN@x.ORG\n", "subs.csv");
  assert.equal(
    list.subscribers.map((s) => s.email),
    ["Ann@X.org"],
  );
  assert.is(list.duplicates, 2);
});

parse("unsubscribed rows are never sent, even when listed again", () => {
  const list = parseSubscribers(
    "email,status\nann@x.org,subscribed\nANN@x.org,unsubscribed\nbob@x.org,bounced\ncy@x.org,\n",
    "s.csv",
  );
  assert.equal(
    list.subscribers.map((s) => s.email),
    ["cy@x.org"],
  );
  assert.is(list.unsubscribed, 2);
});

parse("a file without an email column is an error", () => {
  const list = parseSubscribers("address,name\nann@x.org,Ann\n", "subs.csv");
  assert.equal(list.subscribers, []);
  assert.is(list.diagnostics[0]?.severity, "error");
  assert.match(list.diagnostics[0]?.message ?? "", 'subs.csv has no "email" column');
});

parse("broken CSV is an error with its line", () => {
  const list = parseSubscribers('email,name\nann@x.org,"Ann\nbob@x.org,Bob\n', "subs.csv");
  assert.is(list.diagnostics[0]?.code, "subscribers/csv");
});

parse.run();

const read = suite("readSubscribers");
read("a missing file is one error", async () => {
  const list = await readSubscribers("/nonexistent/subs.csv");
  assert.equal(
    list.diagnostics.map((d) => d.message),
    ["/nonexistent/subs.csv does not exist"],
  );
});
read("reads a file", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-subs-"));
  await writeFile(path.join(dir, "s.csv"), "\uFEFFemail\nann@x.org\n");
  assert.equal(
    (await readSubscribers(path.join(dir, "s.csv"))).subscribers.map((s) => s.email),
    ["ann@x.org"],
  );
});
read.run();
