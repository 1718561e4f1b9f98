import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEEDS = path.join(ROOT, "test/fixtures/seeds");

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cli = suite("scripts/import.ts");
let dir = "";
cli.before.each(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gazette-import-"));
});
cli.after.each(() => rmSync(dir, { recursive: true, force: true }));

cli("--json prints one JSON object per input, in order, with the stable keys", () => {
  const r = run(["--json", SEEDS]);
  assert.is(r.code, 0);
  const objects = r.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.is(objects.length, 2);
  assert.equal(Object.keys(objects[0]), [
    "title",
    "date",
    "source",
    "byline",
    "dateline",
    "caption",
    "body",
    "tags",
    "warnings",
    "attribution",
    "source_url",
    "suggested_tags",
  ]);
  assert.is(objects[1].date, null);
  assert.ok(objects[1].warnings.some((w: string) => w.includes("--year")));
});

cli("bad input: a message naming the file, exit 1, nothing written", () => {
  const out = path.join(dir, "out");
  const cases: Array<[string, Buffer | string, RegExp]> = [
    ["empty.txt", "", /empty/],
    ["binary.txt", Buffer.from([0x47, 0x00, 0x01, 0x02]), /binary/],
    ["latin1.txt", Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), /not UTF-8/],
    ["noheadline.txt", "ok", /no recognisable headline/],
  ];
  for (const [name, content, message] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const r = run([file, "--out", out, "--date", "2019-01-01"]);
    assert.is(r.code, 1, name);
    assert.match(r.stderr, new RegExp(`${name}: .*${message.source}`), name);
    assert.not.match(r.stderr, /\n\s+at /, "no stack trace");
    assert.not.ok(existsSync(out), name);
  }
});

cli("a date without a year stops with a message naming --year; with it the file is written once", () => {
  const out = path.join(dir, "out");
  const seed = path.join(SEEDS, "001_84975a875072cfa6.txt");
  const first = run([seed, "--out", out]);
  assert.is(first.code, 1);
  assert.match(first.stderr, /--year/);
  const second = run([seed, "--out", out, "--year", "2018"]);
  assert.is(second.code, 0, second.stderr);
  assert.equal(readdirSync(out), ["2018-10-20-iran-is-looking-for-allies-but-finding-none.md"]);
  assert.match(second.stdout, /guessed: title from line 3/);
  const again = run([seed, "--out", out, "--year", "2018"]);
  assert.is(again.code, 1);
  assert.match(again.stderr, /--force/);
  assert.is(run([seed, "--out", out, "--year", "2018", "--force"]).code, 0);
  assert.match(
    readFileSync(path.join(out, readdirSync(out)[0] ?? ""), "utf8"),
    /^attribution: Asharq AL-awsat$/m,
  );
});

cli.run();
