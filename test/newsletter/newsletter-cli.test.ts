import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "./cli.ts";
import { articleFile, makeProject } from "./project.ts";

const cli = suite("scripts/newsletter.ts");

cli("makes issue 1, then says there is nothing new", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const first = await runCli(["--root", root, "--now", "2024-03-08T10:00:00Z"]);
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, "Issue 1 with 1 articles");
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
