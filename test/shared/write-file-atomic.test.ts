import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { writeFileAtomic } from "../../src/shared/write-file-atomic.ts";

const atomic = suite("writeFileAtomic");

atomic("creates the folder, replaces the file, leaves no temporary file", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-atomic-"));
  const file = path.join(dir, "a/b/out.txt");
  await writeFileAtomic(file, "one");
  await writeFileAtomic(file, Buffer.from("two"));
  assert.is(await readFile(file, "utf8"), "two");
  assert.equal(await readdir(path.dirname(file)), ["out.txt"]);
});

atomic("a failed write leaves the old file as it was", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-atomic-"));
  await writeFile(path.join(dir, "blocker"), "a file where a folder should be");
  assert.not.ok(
    await writeFileAtomic(path.join(dir, "blocker/out.txt"), "x").then(
      () => true,
      () => false,
    ),
  );
  assert.is(await readFile(path.join(dir, "blocker"), "utf8"), "a file where a folder should be");
});

atomic.run();
