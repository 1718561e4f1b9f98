import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runShell } from "../../src/publish/run-shell.ts";

const shell = suite("runShell");

shell("runs in the folder with the environment, passes lines on, gives the exit code", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-shell-"));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runShell(
    'printf "one\\ntwo" ; echo "$GREETING" > here.txt; echo oops >&2; exit 4',
    dir,
    { PATH: process.env.PATH, GREETING: "hello" },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  assert.equal([code, out, err], [4, ["one", "two"], ["oops"]]);
  assert.is(await readFile(path.join(dir, "here.txt"), "utf8"), "hello\n");
  assert.is(await runShell("true", dir, { PATH: process.env.PATH }, { out: () => {}, err: () => {} }), 0);
  await rm(dir, { recursive: true });
});

shell.run();
