import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readLedger } from "../../src/newsletter/ledger.ts";
import { runNewsletter } from "../../src/newsletter/run-newsletter.ts";
import { undoLastIssue, withoutLastIssue } from "../../src/newsletter/undo-last-issue.ts";
import {
  articleFile,
  makeIssue,
  makeProject,
  newsletterOptions,
  putArticle,
  readTree,
  recorder,
} from "./project.ts";

const without = suite("withoutLastIssue");

without("drops the last issue; the start goes with issue 1 only", () => {
  const one = makeIssue();
  const two = makeIssue({ number: 2 });
  assert.equal(withoutLastIssue({ start: "2024-03-01T00:00:00+00:00", issues: [one, two] }), {
    start: "2024-03-01T00:00:00+00:00",
    issues: [one],
  });
  assert.equal(withoutLastIssue({ start: "2024-03-01T00:00:00+00:00", issues: [one] }), {
    start: null,
    issues: [],
  });
});

const undo = suite("undoLastIssue");

undo("takes back the last unsent issue: the project is as before it was made", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), recorder()), 0);
  await putArticle(root, "b.md", articleFile("Beta", "2024-03-09T09:00"));
  const before = await readTree(root);
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-10T10:00:00Z"), recorder()), 0);
  const r = await undoLastIssue(root);
  assert.ok(r.ok, r.message);
  assert.match(r.message, "Took back issue 2");
  assert.equal(await readTree(root), before);
  // Made again, it is issue 2 with the same article.
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-10T10:00:00Z"), recorder()), 0);
  const { ledger } = await readLedger(root);
  assert.equal(
    ledger.issues.map((i) => [i.number, i.entries.map((e) => e.slug)]),
    [
      [1, ["a"]],
      [2, ["b"]],
    ],
  );
  await rm(root, { recursive: true });
});

undo("undoing issue 1 leaves the project as it shipped, with no newsletter/ at all", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const before = await readTree(root);
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), recorder()), 0);
  assert.ok((await undoLastIssue(root)).ok);
  assert.equal(await readTree(root), before);
  assert.equal((await readdir(root)).sort(), ["articles", "gazette.config.yaml"]);
  await rm(root, { recursive: true });
});

undo("refuses a sent (or tried) issue, and an empty ledger", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  assert.equal(await undoLastIssue(root), {
    ok: false,
    message: "no issue is recorded in newsletter/issues.json: nothing to undo",
  });
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), recorder()), 0);
  await mkdir(path.join(root, "newsletter", "1"), { recursive: true });
  await writeFile(
    path.join(root, "newsletter", "1", "send-log.jsonl"),
    '{"email":"a@example.org","status":"pending","at":"2024-03-08T10:00:00Z"}\n',
  );
  const before = await readTree(root);
  const r = await undoLastIssue(root);
  assert.is(r.ok, false);
  assert.match(r.message, "issue 1 has been sent or tried");
  assert.equal(await readTree(root), before);
  await rm(root, { recursive: true });
});

without.run();
undo("an issue whose sending began stays, even when its send log is gone", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), recorder()), 0);
  const file = path.join(root, "newsletter/issues.json");
  const ledger = JSON.parse(await readFile(file, "utf8"));
  ledger.issues[0].send = { started: "2024-03-08T11:00:00.000Z", accepted: 150 };
  await writeFile(file, JSON.stringify(ledger));
  const r = await undoLastIssue(root);
  assert.equal(r, {
    ok: false,
    message:
      "issue 1 has been sent or tried (newsletter/issues.json records that sending began at 2024-03-08T11:00:00.000Z): it stays recorded",
  });
});

undo.run();
