import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readImportCsv } from "../../src/subscriptions/read-import-csv.ts";

const test = suite("readImportCsv");
test("today's CSV: empty, subscribed and active are confirmed; store statuses kept; bad rows warned by line", () => {
  const csv = [
    "Email,Name,Status,Topics",
    "a@example.org,,",
    'B@Example.org,"Reader, B",subscribed,"iran,oil"',
    "c@example.org,C,active",
    "d@example.org,,unsubscribed",
    "e@example.org,,bounced",
    "f@example.org,,pending",
    "not an address,X,",
    "g@example.org,,vip",
  ].join("\n");
  const { rows, diagnostics } = readImportCsv(csv, "subscribers.csv");
  assert.equal(
    rows.map((r) => [r.email, r.status, r.name, r.topics]),
    [
      ["a@example.org", "confirmed", null, []],
      ["b@example.org", "confirmed", "Reader, B", ["iran", "oil"]],
      ["c@example.org", "confirmed", "C", []],
      ["d@example.org", "unsubscribed", null, []],
      ["e@example.org", "bounced", null, []],
      ["f@example.org", "pending", null, []],
    ],
  );
  assert.equal(
    diagnostics.map((d) => [d.severity, d.line, d.code]),
    [
      ["warning", 8, "subscribers/bad-address"],
      ["warning", 9, "subscribers/bad-status"],
    ],
  );
});
test("no email column or broken CSV: one error, no rows", () => {
  const noEmail = readImportCsv("name,status\nA,\n", "x.csv");
  assert.equal([noEmail.rows, noEmail.diagnostics[0]?.code], [[], "subscribers/no-email-column"]);
  const broken = readImportCsv('email\n"unclosed\n', "x.csv");
  assert.equal([broken.rows, broken.diagnostics[0]?.severity], [[], "error"]);
});
test.run();
