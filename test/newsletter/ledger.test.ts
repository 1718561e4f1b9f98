import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emptyLedger, parseLedger, readLedger } from "../../src/newsletter/ledger.ts";
import { serializeLedger } from "../../src/newsletter/write-ledger.ts";
import { makeIssue } from "./project.ts";

const parse = suite("parseLedger");

parse("reads a ledger written by serializeLedger", () => {
  const ledger = { start: "2024-03-02T00:00:00+00:00", issues: [makeIssue()] };
  const { ledger: read, diagnostics } = parseLedger(serializeLedger(ledger), "issues.json");
  assert.equal(diagnostics, []);
  assert.equal(read, ledger);
});

parse("reports broken JSON with its line", () => {
  const { ledger, diagnostics } = parseLedger('{\n  "start": null,\n  "issues": [,]\n}', "issues.json");
  assert.equal(ledger, emptyLedger());
  assert.is(diagnostics[0]?.code, "ledger/json");
  assert.is(diagnostics[0]?.line, 3);
});

parse("names the issue and line of a bad field", () => {
  const text = serializeLedger({
    start: null,
    issues: [makeIssue(), makeIssue({ number: 2, cutoff: "yesterday" })],
  });
  const { diagnostics } = parseLedger(text, "issues.json");
  assert.is(diagnostics.length, 1);
  assert.match(diagnostics[0]?.message ?? "", /issue 2 has cutoff "yesterday"/);
  assert.is(text.split("\n")[(diagnostics[0]?.line ?? 0) - 1]?.trim(), '"number": 2,');
});

parse("rejects numbers with gaps", () => {
  const text = serializeLedger({ start: null, issues: [makeIssue({ number: 2 })] });
  assert.match(parseLedger(text, "f").diagnostics[0]?.message ?? "", /number 2 \(expected 1\)/);
});

parse("rejects an entry without a slug", () => {
  const issue = makeIssue();
  const text = serializeLedger({ start: null, issues: [issue] }).replace('"slug": "allies",', "");
  assert.match(parseLedger(text, "f").diagnostics[0]?.message ?? "", /without slug/);
});

parse.run();

const read = suite("readLedger");

read("a project without a ledger has the empty ledger", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-ledger-"));
  assert.equal(await readLedger(root), { ledger: emptyLedger(), diagnostics: [] });
});

read("reads newsletter/issues.json", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-ledger-"));
  await mkdir(path.join(root, "newsletter"));
  await writeFile(
    path.join(root, "newsletter/issues.json"),
    serializeLedger({ start: null, issues: [makeIssue()] }),
  );
  const { ledger, diagnostics } = await readLedger(root);
  assert.equal(diagnostics, []);
  assert.is(ledger.issues[0]?.entries[0]?.slug, "allies");
});

read.run();
