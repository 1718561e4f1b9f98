import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import { articleText, fixtureConfig, makeFixtureSite, readTree } from "./fixture-site.ts";

const run = promisify(execFile);
const LAUNCH = path.join(import.meta.dirname, "..", "..", "scripts", "launch.mjs");

const launch = suite("scripts/launch.mjs");

launch(
  "builds from the compiled bundle, with workers, the same bytes as the sources in one thread",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), {
      "2019-01-31-one.md": articleText({ title: "One", date: "2019-01-31", tags: "[Iran]" }),
      "2019-01-30-two.md": articleText({ title: "Two", date: "2019-01-30", tags: "[Iran, Oil]" }),
    });
    // The bundle is compiled into node_modules/.cache/gazette/ if these sources have none yet.
    const { stdout } = await run(process.execPath, [
      LAUNCH,
      "scripts/build.ts",
      "--root",
      root,
      "--jobs",
      "2",
    ]);
    assert.match(stdout, /Wrote \d+ files/);
    const expected = await buildSite({
      root,
      now: new Date(),
      jobs: 1,
      clean: true,
      outDir: path.join(root, "expected"),
      cacheDir: path.join(root, "expected-cache"),
    });
    const built = await readTree(path.join(root, "_site"));
    const wanted = await readTree(expected.outDir);
    assert.equal([...built.keys()], [...wanted.keys()]);
    for (const [file, text] of wanted) assert.ok(built.get(file) === text, `${file} differs`);
    await rm(root, { recursive: true, force: true });
  },
);

launch("refuses an unknown command", async () => {
  const error = await run(process.execPath, [LAUNCH, "nonsense"]).catch(
    (e: { code: number; stderr: string }) => e,
  );
  assert.is((error as { code: number }).code, 1);
  assert.match(
    (error as { stderr: string }).stderr,
    /usage: node scripts\/launch.mjs <scripts\/build.ts\|scripts\/serve.ts>/,
  );
});

launch.run();
