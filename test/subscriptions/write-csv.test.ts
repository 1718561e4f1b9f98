import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readImportCsv } from "../../src/subscriptions/read-import-csv.ts";
import { writeCsv } from "../../src/subscriptions/write-csv.ts";

const test = suite("writeCsv");
test("quotes what needs quoting, defuses formulas, and reads back", () => {
  const csv = writeCsv([
    {
      email: "a@example.org",
      status: "confirmed",
      name: 'Reader, "A"',
      topics: ["iran", "oil"],
      created: "2026-03-01T10:00:00.000Z",
      updated: "2026-03-01T10:00:00.000Z",
      softBounces: 0,
      reason: null,
    },
    {
      email: "b@example.org",
      status: "unsubscribed",
      name: "=HYPERLINK(1)",
      topics: [],
      created: "2026-03-02T10:00:00.000Z",
      updated: "2026-03-03T10:00:00.000Z",
      softBounces: 0,
      reason: null,
    },
  ]);
  assert.is(
    csv,
    'email,name,status,topics,created,updated\na@example.org,"Reader, ""A""",confirmed,"iran,oil",2026-03-01T10:00:00.000Z,2026-03-01T10:00:00.000Z\nb@example.org,\'=HYPERLINK(1),unsubscribed,,2026-03-02T10:00:00.000Z,2026-03-03T10:00:00.000Z\n',
  );
  const back = readImportCsv(csv, "export.csv");
  assert.equal(back.diagnostics, []);
  assert.equal(back.rows[0], {
    email: "a@example.org",
    status: "confirmed",
    name: 'Reader, "A"',
    topics: ["iran", "oil"],
  });
});
test.run();
