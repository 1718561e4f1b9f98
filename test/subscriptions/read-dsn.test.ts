import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dsnEvents, readDsn } from "../../src/subscriptions/read-dsn.ts";
import { splitMbox } from "../../src/subscriptions/split-mbox.ts";

const mbox = readFileSync(new URL("../fixtures/bounces/bounces.mbox", import.meta.url), "utf8");

const events = suite("dsnEvents");
events("failed 5.x.x is hard, 4.x.x soft; per-message fields and delivered recipients give nothing", () => {
  const text = [
    "Reporting-MTA: dns; mx.example.net",
    "",
    "Final-Recipient: rfc822; <Gone@Example.net>",
    "Action: failed",
    "Status: 5.1.1",
    "Diagnostic-Code: smtp; 550 5.1.1 User",
    "  unknown",
    "",
    "Original-Recipient: rfc822;soft@example.net",
    "Action: delayed",
    "Status: 4.2.2",
    "",
    "Final-Recipient: rfc822; fine@example.net",
    "Action: delivered",
    "Status: 2.0.0",
    "",
    "Final-Recipient: x400; something",
    "Action: failed",
    "Status: 5.1.1",
  ].join("\n");
  assert.equal(dsnEvents(text), [
    { email: "gone@example.net", kind: "hard-bounce", detail: "5.1.1 smtp; 550 5.1.1 User unknown" },
    { email: "soft@example.net", kind: "soft-bounce", detail: "4.2.2" },
  ]);
});

const read = suite("readDsn");
read("reads the reports in the sample mbox with mailparser; a reader's reply is no report", async () => {
  const results = [];
  for (const m of splitMbox(mbox)) results.push(await readDsn(m.raw));
  assert.equal(
    results.map((r) => [r.isDsn, r.events.map((e) => `${e.email} ${e.kind}`)]),
    [
      [true, ["gone@example.net hard-bounce", "full@example.net soft-bounce"]],
      [true, ["nobody@example.com hard-bounce"]],
      [false, []],
      [true, ["slow@example.org soft-bounce"]],
    ],
  );
});
events.run();
read.run();
