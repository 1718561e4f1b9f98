import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { serializeLedger, writeLedger } from "../../src/newsletter/write-ledger.ts";
import { makeIssue } from "./project.ts";

const serialize = suite("serializeLedger");

serialize("two-space JSON ending in a newline, start before issues", () => {
  const text = serializeLedger({ start: null, issues: [] });
  assert.is(text, '{\n  "start": null,\n  "issues": []\n}\n');
});

serialize.run();

const write = suite("writeLedger");

write("replaces the ledger and leaves no temporary file", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-ledger-"));
  await writeLedger(root, { start: null, issues: [] });
  const ledger = { start: "2024-03-02T00:00:00+00:00", issues: [makeIssue()] };
  await writeLedger(root, ledger);
  assert.is(await readFile(path.join(root, "newsletter/issues.json"), "utf8"), serializeLedger(ledger));
  assert.equal(await readdir(path.join(root, "newsletter")), ["issues.json"]);
});

write.run();
