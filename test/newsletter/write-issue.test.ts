import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { issueDir, writeIssue } from "../../src/newsletter/write-issue.ts";

const dir = suite("issueDir");
dir("newsletter/<N>", () => assert.is(issueDir(12), "newsletter/12"));
dir.run();

const write = suite("writeIssue");
write("writes the four files and lists them", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-issue-"));
  const written = await writeIssue(root, 3, { mjml: "m", html: "h", text: "t", eml: Buffer.from("e") });
  assert.equal(written, [
    "newsletter/3/email.mjml",
    "newsletter/3/email.html",
    "newsletter/3/email.txt",
    "newsletter/3/email.eml",
  ]);
  assert.is(await readFile(path.join(root, "newsletter/3/email.eml"), "utf8"), "e");
});
write.run();
