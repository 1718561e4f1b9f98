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
  assert.is(text.split("\n")[(diagnostics[0]?.line ?? 0) - 1]?.trim(), '"cutoff": "yesterday",');
});

parse("an entry's bad field is named at its own line; a slug in two issues is an error", () => {
  const issue = makeIssue();
  const entry = issue.entries[0];
  if (!entry) throw new Error("makeIssue has an entry");
  const text = serializeLedger({
    start: null,
    issues: [issue, makeIssue({ number: 2, entries: [{ ...entry, date: "soon" }] })],
  });
  const [bad] = parseLedger(text, "f").diagnostics;
  assert.match(bad?.message ?? "", 'issue 2 has entry "allies" with date "soon"');
  assert.is(text.split("\n")[(bad?.line ?? 0) - 1]?.trim(), '"date": "soon",');
  const twice = serializeLedger({ start: null, issues: [issue, makeIssue({ number: 2 })] });
  const [dup] = parseLedger(twice, "f").diagnostics;
  assert.is(
    dup?.message,
    'issue 2 has entry "allies", which issue 1 already sent (an article goes out in one issue at most)',
  );
  const slugLines = twice
    .split("\n")
    .map((l, i) => (l.trim() === '"slug": "allies",' ? i + 1 : 0))
    .filter(Boolean);
  assert.is(dup?.line, slugLines[1], "the second issue's entry");
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

parse(
  "keeps the intro as Markdown; an older ledger's { html, text } is read as its text, never as HTML",
  () => {
    const text = serializeLedger({
      start: null,
      issues: [makeIssue({ intro: { markdown: "A *quiet* week." } })],
    });
    assert.equal(parseLedger(text, "f").ledger.issues[0]?.intro, { markdown: "A *quiet* week." });
    const legacy = text.replace(
      '"markdown": "A *quiet* week."',
      '"html": "<script>alert(1)</script>", "text": "A quiet week."',
    );
    assert.equal(parseLedger(legacy, "f").ledger.issues[0]?.intro, { markdown: "A quiet week." });
    const bad = text.replace('"markdown": "A *quiet* week."', '"markdown": 3');
    assert.match(parseLedger(bad, "f").diagnostics[0]?.message ?? "", 'has an intro without "markdown" text');
  },
);

parse("an emptied ledger says how to restore it", () => {
  const { diagnostics } = parseLedger("  \n", "newsletter/issues.json");
  assert.is(diagnostics[0]?.code, "ledger/empty");
  assert.match(diagnostics[0]?.message ?? "", "git checkout -- newsletter/issues.json");
});

parse("a send record must have its start and a whole count", () => {
  const text = serializeLedger({
    start: null,
    issues: [makeIssue({ send: { started: "2024-03-08T10:00:00.000Z", accepted: 3 } })],
  });
  assert.equal(parseLedger(text, "f").diagnostics, []);
  assert.match(
    parseLedger(text.replace('"accepted": 3', '"accepted": -1'), "f").diagnostics[0]?.message ?? "",
    'has "send" with accepted -1',
  );
  assert.match(
    parseLedger(text.replace('"started": "2024-03-08T10:00:00.000Z"', '"started": "soon"'), "f")
      .diagnostics[0]?.message ?? "",
    'has "send" without a "started" date-time',
  );
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
