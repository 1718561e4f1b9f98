import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
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
  // A file far larger than any article is refused before it is read (a sparse file: no disk is used).
  const huge = path.join(dir, "huge.txt");
  writeFileSync(huge, "Headline\n\n");
  truncateSync(huge, 60 * 1024 * 1024);
  const r = run([huge, "--out", out]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /huge\.txt: the file is 60 MB, larger than the 50 MB/);
  assert.not.ok(existsSync(out));
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

cli("a folder with nothing to import, and a file that cannot be read, are named plainly", () => {
  const empty = path.join(dir, "empty");
  mkdirSync(empty);
  writeFileSync(path.join(empty, "notes.md"), "not an input");
  const r = run([empty, "--out", path.join(dir, "out")]);
  assert.is(r.code, 1);
  assert.match(r.stderr, new RegExp(`${empty}: no \\.txt, \\.html or \\.htm files in this folder`));
  assert.not.match(r.stderr, /no input given/);
  // chmod 000 stops a read only when the tests do not run as root; either way no "please report this page".
  const locked = path.join(dir, "locked.txt");
  writeFileSync(locked, "Headline\n\nText.");
  chmodSync(locked, 0o000);
  const unreadable = run([locked, "--json"]);
  chmodSync(locked, 0o600);
  if (process.getuid?.() !== 0) {
    assert.is(unreadable.code, 1);
    assert.match(unreadable.stderr, /locked\.txt: the file cannot be read \(permission denied\)/);
  }
  assert.not.match(unreadable.stderr, /please report/);
});

cli("flag values that would break the front matter or the build are refused before anything is read", () => {
  const out = path.join(dir, "out");
  const seed = path.join(SEEDS, "001_84975a875072cfa6.txt");
  const cases: Array<[string[], RegExp]> = [
    [
      ["--source", "Evil\n---\ndraft: true"],
      /--source "Evil<U\+000A>---<U\+000A>draft: true" contains a line break/,
    ],
    [["--source-url", "javascript:alert(1)"], /--source-url "javascript:alert\(1\)" is not a web address/],
    [["--source-url", "https://example.com/a\r\nb"], /--source-url .* contains a line break/],
    [["--tags", "Oil,\u001b[2JIran"], /--tags "Oil,<U\+001B>\[2JIran" contains a line break/],
  ];
  for (const [flags, message] of cases) {
    for (const mode of [[], ["--json"]]) {
      const r = run([seed, "--out", out, "--year", "2018", ...flags, ...mode]);
      assert.is(r.code, 1, flags.join(" "));
      assert.match(r.stderr, message);
      assert.is(r.stdout, "", "nothing printed for a refused flag");
    }
  }
  assert.not.ok(existsSync(out));
});

cli("a file the build would refuse is not written: the build's own message, with the file and line", () => {
  const out = path.join(dir, "out");
  const seed = path.join(SEEDS, "001_84975a875072cfa6.txt");
  const r = run([seed, "--out", out, "--year", "2018", "--tags", "Oil, ---", "--source", "x".repeat(300)]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /would not build \(.*\.md line \d+: tag "---" has no letters or digits/);
  assert.match(r.stderr, /would not build \(.*\.md line 4: source "x+…" makes a slug of 300 bytes/);
  assert.match(r.stderr, /nothing written/);
  assert.not.ok(existsSync(out));
  const ok = run([seed, "--out", out, "--year", "2018", "--source-url", "https://example.com/story"]);
  assert.is(ok.code, 0, ok.stderr);
  const written = readFileSync(path.join(out, readdirSync(out)[0] ?? ""), "utf8");
  assert.match(written, /^source_url: https:\/\/example\.com\/story$/m);
});

cli("a reader that stops early (| head -1) ends the run quietly", () => {
  // Far more than a pipe holds, so the import is still writing when head has gone.
  const words = Array.from({ length: 40_000 }, (_, i) => `word${i}`).join(" ");
  const big = path.join(dir, "big.txt");
  writeFileSync(big, `Oil exports fall again\n\nLondon, 5 March 2024\n\n${words}.\n`);
  const r = spawnSync(
    "/bin/sh",
    ["-c", `"${process.execPath}" --import tsx scripts/import.ts --dry-run "${big}" | head -c 10`],
    { cwd: ROOT, encoding: "utf8" },
  );
  assert.is(r.stdout, "would writ");
  assert.not.match(r.stderr, /EPIPE|\n\s+at /);
});

cli(
  "an --out that is a file, a folder in a target's place, or a folder that cannot be written: a message, nothing written",
  () => {
    const seed = path.join(SEEDS, "001_84975a875072cfa6.txt");
    const notFolder = path.join(dir, "articles.md");
    writeFileSync(notFolder, "");
    const r = run([seed, "--out", notFolder, "--year", "2018"]);
    assert.is(r.code, 1);
    assert.match(r.stderr, /--out ".*articles\.md" is not a folder/);
    assert.not.match(r.stderr, /\n\s+at /, "no stack trace");

    const out = path.join(dir, "out");
    mkdirSync(path.join(out, "2018-10-20-iran-is-looking-for-allies-but-finding-none.md"), {
      recursive: true,
    });
    const inTheWay = run([seed, "--out", out, "--year", "2018", "--force"]);
    assert.is(inTheWay.code, 1);
    assert.match(inTheWay.stderr, /none\.md is a folder/);
    assert.not.match(inTheWay.stderr, /\n\s+at /, "no stack trace");

    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, "locked");
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const denied = run([seed, "--out", locked, "--year", "2018"]);
      chmodSync(locked, 0o700);
      assert.is(denied.code, 1);
      assert.match(denied.stderr, /cannot be written \(permission denied\)\nnothing written/);
      assert.equal(readdirSync(locked), [], "no temporary file left");
    }
  },
);

cli(
  "--json keeps argument order when a file is also a flag's value, and reads a file named like a flag after --",
  () => {
    const [first, second] = readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => path.join(SEEDS, f));
    const titles = (args: string[]): string[] =>
      run(args)
        .stdout.trim()
        .split("\n")
        .map((l) => JSON.parse(l).title);
    const one = titles(["--json", first ?? ""]);
    const two = titles(["--json", second ?? ""]);
    assert.equal(titles(["--json", "--source", first ?? "", second ?? "", first ?? ""]), [...two, ...one]);
    const dash = path.join(dir, "-dash.txt");
    writeFileSync(dash, readFileSync(first ?? ""));
    // Run from the folder of the file, so its name starts with the dash; tsx is found from here.
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        import.meta.resolve("tsx"),
        path.join(ROOT, "scripts/import.ts"),
        "--json",
        "--",
        "-dash.txt",
      ],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    assert.is(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).title, one[0]);
  },
);

cli.run();
