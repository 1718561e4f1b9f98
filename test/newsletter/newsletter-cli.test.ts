import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCli, SCRIPT } from "./cli.ts";
import { articleFile, makeProject, readTree } from "./project.ts";

const cli = suite("scripts/newsletter.ts");

cli("makes issue 1, then says there is nothing new", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const first = await runCli(["--root", root, "--now", "2024-03-08T10:00:00Z"]);
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, "Issue 1 with 1 article:");
  const again = await runCli(["--root", root, "--now", "2024-03-09T10:00:00Z"]);
  assert.equal([again.code, again.stdout.trim()], [0, "no new articles since issue 1"]);
});

cli("a bad value: one line and exit 1; an unknown flag: one line, the usage and exit 2", async () => {
  const root = await makeProject({});
  const r = await runCli(["--root", root, "--limit", "many"]);
  assert.equal([r.code, r.stderr.trim()], [1, '--limit "many" is not a whole number of at least 1']);
  const unknown = await runCli(["--root", root, "--colour"]);
  assert.is(unknown.code, 2);
  const [first, usage] = unknown.stderr.trim().split("\n");
  assert.is(first, "npm run newsletter: unknown flag --colour");
  assert.match(usage ?? "", /^usage: npm run newsletter -- /);
});

cli.run();

const preview = suite("scripts/newsletter.ts --preview");

preview("serves the preview on 127.0.0.1 and leaves the project byte-identical", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const before = await readTree(root);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", SCRIPT, "--root", root, "--now", "2024-03-08T10:00:00Z", "--preview", "--port", "0"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  try {
    let stdout = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL in: ${stdout}`)), 60_000);
      child.stdout.on("data", (d) => {
        stdout += d;
        const found = /Serving the preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.on("exit", () => reject(new Error(`exited: ${stdout}`)));
    });
    const page = await (await fetch(url)).text();
    assert.match(page, "Preview of issue 1");
    assert.match(page, '<iframe src="email-dark.html" width="375"');
    assert.match(await (await fetch(`${url}email.html`)).text(), "Alpha");
    assert.match(await (await fetch(`${url}headers.txt`)).text(), /^Subject: Test Gazette #1/m);
    assert.equal(await readTree(root), before);
    const dir = /Files in (.+)/.exec(stdout)?.[1] ?? "";
    assert.ok(dir.startsWith(os.tmpdir()), dir);
    await rm(dir, { recursive: true });
  } finally {
    child.kill("SIGTERM");
  }
});

preview.run();
