import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import {
  checkOutputDir,
  freshPrefix,
  markOutput,
  OUTPUT_MARKER,
  recoverOutput,
} from "../../src/build/output-guard.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { articleText, fixtureConfig, makeFixtureSite, readTree } from "./fixture-site.ts";

const NOW = new Date("2020-01-01T00:00:00Z");
const SCRIPT = fileURLToPath(new URL("../../scripts/build.ts", import.meta.url));
/** tsx by its full address, so the CLI can run from inside the fixture project. */
const TSX = import.meta.resolve("tsx");
const ARTICLES = { "2019-01-02-hello.md": articleText({ title: "Hello", date: "2019-01-02" }) };

/** A pid that no process has: far above Linux's pid_max. */
const DEAD_PID = 99_999_999;

const check = suite("checkOutputDir");

check(
  "refuses the project root, an ancestor of it, and folders holding articles/ or the config",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
    for (const out of [root, path.dirname(root), path.join(root, "articles", "out")]) {
      const refused = await checkOutputDir(root, out);
      assert.ok(refused, out);
      assert.is(refused?.code, "build/unsafe-out");
    }
    const other = await mkdtemp(path.join(os.tmpdir(), "gazette-out-"));
    await mkdir(path.join(other, "articles"));
    assert.match(
      formatDiagnostic((await checkOutputDir(root, other)) ?? never()),
      "holds an articles/ folder",
    );
    await rm(path.join(other, "articles"), { recursive: true });
    await writeFile(path.join(other, "gazette.config.yaml"), "title: x\n");
    assert.match(formatDiagnostic((await checkOutputDir(root, other)) ?? never()), "gazette.config.yaml");
    await rm(root, { recursive: true, force: true });
    await rm(other, { recursive: true, force: true });
  },
);

check("refuses a non-empty folder that is not a Gazette output, and a file", async () => {
  const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
  const out = path.join(root, "photos");
  await mkdir(out);
  await writeFile(path.join(out, "holiday.jpg"), "jpeg");
  assert.match(formatDiagnostic((await checkOutputDir(root, out)) ?? never()), "not a Gazette output");
  await writeFile(path.join(root, "notes.txt"), "notes");
  assert.match(
    formatDiagnostic((await checkOutputDir(root, path.join(root, "notes.txt"))) ?? never()),
    "is a file",
  );
  await rm(root, { recursive: true, force: true });
});

check(
  "accepts a new folder, an empty one, a marked output and an output made before the marker",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
    assert.is(await checkOutputDir(root, path.join(root, "_site")), null);
    await mkdir(path.join(root, "empty"));
    assert.is(await checkOutputDir(root, path.join(root, "empty")), null);
    await mkdir(path.join(root, "marked"));
    await writeFile(path.join(root, "marked", "index.html"), "x");
    await markOutput(path.join(root, "marked"));
    assert.is(await checkOutputDir(root, path.join(root, "marked")), null);
    await mkdir(path.join(root, "legacy"));
    for (const name of ["index.html", "feed.xml", "atom.xml", "feed.json"])
      await writeFile(path.join(root, "legacy", name), "x");
    assert.is(await checkOutputDir(root, path.join(root, "legacy")), null);
    await rm(root, { recursive: true, force: true });
  },
);

check.run();

function never(): never {
  throw new Error("expected a refusal");
}

const mark = suite("markOutput");

mark("every build output carries the marker, so the next build may replace it", async () => {
  const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
  const result = await buildSite({ root, now: NOW });
  assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
  assert.ok(existsSync(path.join(result.outDir, OUTPUT_MARKER)));
  const again = await buildSite({ root, now: NOW });
  assert.ok(again.ok, again.diagnostics.map(formatDiagnostic).join("\n"));
  await rm(root, { recursive: true, force: true });
});

mark.run();

const recover = suite("recoverOutput");

recover("a build killed between the two renames: the old output is restored", async () => {
  const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
  const out = path.join(root, "_site");
  const old = `${out}.old-${DEAD_PID}`;
  await mkdir(old);
  await writeFile(path.join(old, "index.html"), "previous");
  const fresh = `${freshPrefix(out, DEAD_PID)}abc123`;
  await mkdir(fresh);
  const notes = await recoverOutput(out);
  assert.is(await readFile(path.join(out, "index.html"), "utf8"), "previous");
  assert.not.ok(existsSync(old));
  assert.not.ok(existsSync(fresh), "the dead build's half-written folder is removed");
  assert.is(notes.length, 2, notes.join("\n"));
  assert.match(notes[0] ?? "", "restored");
  assert.match(notes[1] ?? "", "removed");
  await rm(root, { recursive: true, force: true });
});

recover("folders of a build that is still running are left alone", async () => {
  const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
  const out = path.join(root, "_site");
  // The parent of this test process is alive and is not this process.
  const running = `${freshPrefix(out, process.ppid)}zzz999`;
  await mkdir(running);
  assert.equal(await recoverOutput(out), []);
  assert.ok(existsSync(running));
  await rm(root, { recursive: true, force: true });
});

recover("the next build restores or replaces the output and removes stale folders with a note", async () => {
  const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
  const out = path.join(root, "_site");
  await mkdir(`${out}.old-${DEAD_PID}`);
  await writeFile(path.join(`${out}.old-${DEAD_PID}`, "index.html"), "previous");
  await mkdir(`${freshPrefix(out, DEAD_PID)}q1w2e3`);
  const result = await buildSite({ root, now: NOW });
  assert.ok(result.ok);
  assert.equal(
    result.diagnostics.map((d) => d.code),
    ["build/recovered", "build/recovered"],
  );
  assert.match(await readFile(path.join(out, "index.html"), "utf8"), "Hello");
  const siblings = (await readTree(root)).keys();
  assert.not.ok([...siblings].some((f) => /_site\.(old|tmp)-/.test(f)));
  await rm(root, { recursive: true, force: true });
});

recover.run();

const cli = suite("scripts/build.ts --out");

cli("--out on the project root is refused, exit 1, with every file untouched", async () => {
  const root = await makeFixtureSite(fixtureConfig(), ARTICLES);
  await writeFile(path.join(root, "README.md"), "my notes");
  const before = await readTree(root);
  for (const out of [root, ".", path.dirname(root)]) {
    const r = spawnSync(process.execPath, ["--import", TSX, SCRIPT, "--root", root, "--out", out], {
      cwd: root,
      encoding: "utf8",
    });
    assert.is(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, "build/unsafe-out");
    assert.not.match(r.stderr, /\n\s+at /, "no stack trace");
    assert.equal(await readTree(root), before);
  }
  await rm(root, { recursive: true, force: true });
});

cli.run();
