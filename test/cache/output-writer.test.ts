import { existsSync } from "node:fs";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { manifestPath, readManifest } from "../../src/cache/build-manifest.ts";
import { createOutputWriter } from "../../src/cache/output-writer.ts";

const writer = suite("createOutputWriter");

/** Builds `files` cold into `out`, then again incrementally with `next`: returns the folder. */
async function twoBuilds(
  files: Record<string, string>,
  next: Record<string, string>,
  between: (out: string) => Promise<void> = async () => {},
): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-writer-"));
  const out = path.join(root, "_site");
  const cache = path.join(root, "cache");
  const build = async (contents: Record<string, string>) => {
    const staging = await mkdtemp(path.join(root, "staging-"));
    const previous = await readManifest(cache, out);
    const output = createOutputWriter({
      outDir: out,
      staging,
      cacheDir: cache,
      previous,
      swap: async (from, to) => {
        await rm(to, { recursive: true, force: true });
        await rename(from, to);
      },
    });
    for (const [file, text] of Object.entries(contents)) output.write(file, text, `key of ${file}`);
    await output.commit();
    assert.not.ok(existsSync(staging), "the staging folder is gone after the commit");
  };
  await build(files);
  await between(out);
  await build(next);
  return root;
}

writer(
  "an incremental commit moves new files in, deletes the gone ones and their empty folders",
  async () => {
    const root = await twoBuilds(
      { "a/b/one.html": "1", "a/b/two.html": "2", "a/c/three.html": "3", "d/e/f/four.html": "4" },
      { "a/b/one.html": "1", "a/c/three.html": "changed", "g/new.html": "new" },
    );
    const out = path.join(root, "_site");
    assert.ok(existsSync(path.join(out, "a/b/one.html")));
    assert.not.ok(existsSync(path.join(out, "a/b/two.html")), "a deleted file is gone");
    assert.ok(existsSync(path.join(out, "a/b")), "a folder with files left stays");
    assert.is(await readFile(path.join(out, "a/c/three.html"), "utf8"), "changed");
    assert.is(await readFile(path.join(out, "g/new.html"), "utf8"), "new");
    assert.not.ok(existsSync(path.join(out, "d")), "emptied folders go, up to the top");
    const manifest = JSON.parse(await readFile(manifestPath(path.join(root, "cache")), "utf8"));
    assert.equal(Object.keys(manifest.outputs).sort(), ["a/b/one.html", "a/c/three.html", "g/new.html"]);
    await rm(root, { recursive: true, force: true });
  },
);

writer("keeps a folder that holds a file the build does not know of", async () => {
  const root = await twoBuilds({ "x/y/one.html": "1", "x/two.html": "2" }, { "x/two.html": "2" }, (out) =>
    writeFile(path.join(out, "x", "y", "mine.txt"), "kept"),
  );
  const out = path.join(root, "_site");
  assert.not.ok(existsSync(path.join(out, "x/y/one.html")));
  assert.is(await readFile(path.join(out, "x/y/mine.txt"), "utf8"), "kept");
  await rm(root, { recursive: true, force: true });
});

writer.run();
