import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  checkIssueFolders,
  issueFolderProblem,
  issueFolders,
} from "../../src/newsletter/check-issue-folders.ts";
import { emptyLedger } from "../../src/newsletter/ledger.ts";
import { makeIssue } from "./project.ts";

const ledgerOf = (n: number) => ({
  start: null,
  issues: Array.from({ length: n }, (_, i) => makeIssue({ number: i + 1 })),
});

const folders = suite("issueFolders");
folders("the numbered entries of newsletter/, in order; none without the folder", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-folders-"));
  assert.equal(await issueFolders(root), []);
  for (const name of ["10", "2", "notes", "01"])
    await mkdir(path.join(root, "newsletter", name), { recursive: true });
  await writeFile(path.join(root, "newsletter/issues.json"), "{}");
  assert.equal(await issueFolders(root), [2, 10]);
});
folders.run();

const problem = suite("issueFolderProblem");
problem("folders the ledger records are fine", () => {
  assert.is(issueFolderProblem(ledgerOf(2), true, [1, 2]), null);
  assert.is(issueFolderProblem(emptyLedger(), false, []), null);
});
problem("a missing ledger with issue folders: refuse and say how to restore it", () => {
  assert.is(
    issueFolderProblem(emptyLedger(), false, [1, 2]),
    "newsletter/issues.json is missing, but newsletter/1/, newsletter/2/ exist: the ledger is the record of which articles went out, and without it issue numbers would be reused. Restore it (git checkout -- newsletter/issues.json, or from a backup) before making another issue",
  );
  assert.match(
    issueFolderProblem(emptyLedger(), true, [1]) ?? "",
    "newsletter/issues.json is empty of issues, but newsletter/1/ exists",
  );
});
problem("a ledger that lost its last issues: the number is never reused", () => {
  assert.is(
    issueFolderProblem(ledgerOf(2), true, [1, 2, 3]),
    "newsletter/3/ exists, but newsletter/issues.json records only issues 1–2: an issue number is never reused. Restore the ledger (git checkout -- newsletter/issues.json), or, if issue 3 was never sent, remove newsletter/3/",
  );
  assert.match(
    issueFolderProblem(ledgerOf(1), true, [1, 2, 3, 4, 5]) ?? "",
    "newsletter/2/, newsletter/3/, newsletter/4/ and 1 more exist",
  );
});
problem.run();

const check = suite("checkIssueFolders");
check("looks at the project: the ledger file and the folders", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-folders-"));
  await mkdir(path.join(root, "newsletter/1"), { recursive: true });
  assert.match((await checkIssueFolders(root, emptyLedger())) ?? "", "newsletter/issues.json is missing");
  assert.is(await checkIssueFolders(root, ledgerOf(1)), null);
});
check.run();
