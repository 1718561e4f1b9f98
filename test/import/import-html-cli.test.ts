import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PAGE = readFileSync(new URL("../fixtures/html/article.html", import.meta.url), "utf8");

/** Runs the import script without blocking this process, so the test's HTTP server can answer it. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/import.ts", ...args],
      { cwd: ROOT },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const cli = suite("scripts/import.ts with saved and fetched pages");
let dir = "";
let server: Server;
let base = "";
let legacyPage: Buffer = Buffer.alloc(0);
cli.before(async () => {
  server = createServer((req, res) => {
    if (req.url === "/article") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE);
    } else if (req.url === "/legacy") {
      // No charset in the header: the page's own <meta> says windows-1252.
      res.writeHead(200, { "content-type": "text/html" });
      res.end(legacyPage);
    } else if (req.url === "/moved") {
      res.writeHead(301, { location: "/article" });
      res.end();
    } else if (req.url === "/loop") {
      res.writeHead(302, { location: "/loop" });
      res.end();
    } else if (req.url === "/image") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end("png");
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
cli.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
cli.before.each(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gazette-import-html-"));
});
cli.after.each(() => rmSync(dir, { recursive: true, force: true }));

cli("a saved page and a fetched one give the same --json, with source_url filled", async () => {
  const file = path.join(dir, "page.html");
  writeFileSync(file, PAGE);
  const r = await run(["--json", file, "--url", `${base}/moved`]);
  assert.is(r.code, 0, r.stderr);
  const [saved, fetched] = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  // In one run the second copy is flagged as a duplicate of the first; all else is the same.
  assert.equal(fetched.warnings, [`duplicate: duplicates ${file} (the same source_url)`]);
  fetched.warnings = [];
  assert.is(saved.title, "Oil exports fall for a third month");
  assert.is(saved.date, "2024-03-05");
  assert.is(saved.source, "The Daily Example");
  assert.is(saved.source_url, "https://news.example.com/2024/03/oil-exports-fall/");
  assert.equal(fetched, saved, "the redirect was followed and the page read the same way");
});

cli("a page saved in its site's legacy encoding is read in it, from a file and from an address", async () => {
  // The fixture with "—" and "é" in its text, encoded in windows-1252 and declared so in its <meta>.
  const legacy = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
    "Oil exports fell for a third month in February,",
    "Oil exports fell — again — for a third month in February, said the café owners,",
  );
  const bytes = Buffer.from(legacy.replace("—", "\x97").replace("—", "\x97").replace("é", "\xe9"), "latin1");
  legacyPage = bytes;
  const file = path.join(dir, "legacy.html");
  writeFileSync(file, bytes);
  const r = await run(["--json", "--force", file, "--url", `${base}/legacy`]);
  assert.is(r.code, 0, r.stderr);
  for (const line of r.stdout.trim().split("\n")) {
    const article = JSON.parse(line);
    assert.is(article.title, "Oil exports fall for a third month");
    assert.match(
      article.body,
      /Oil exports fell — again — for a third month in February, said the café owners,/,
    );
  }
});

cli("fetch failures are one line naming the address, exit 1, no stack trace", async () => {
  for (const [url, message] of [
    [`${base}/missing`, /404/],
    [`${base}/loop`, /more than 5 redirects/],
    [`${base}/image`, /not a web page/],
    ["ftp://127.0.0.1/x", /only http and https/],
    ["nonsense", /not an address/],
  ] as const) {
    const r = await run(["--json", "--url", url]);
    assert.is(r.code, 1, url);
    assert.match(r.stderr, message, url);
    assert.not.match(r.stderr, /\n\s+at /, "no stack trace");
  }
});

cli(
  "a page already imported is refused by source_url or by text, naming the file, unless --force",
  async () => {
    const out = path.join(dir, "articles");
    const first = await run(["--url", `${base}/article`, "--out", out]);
    assert.is(first.code, 0, first.stderr);
    const [written] = readdirSync(out);
    assert.match(
      readFileSync(path.join(out, written ?? ""), "utf8"),
      /^source_url: https:\/\/news\.example\.com\/2024\/03\/oil-exports-fall\/$/m,
    );
    const again = await run(["--url", `${base}/article`, "--out", out, "--date", "2024-03-07"]);
    assert.is(again.code, 1);
    assert.match(
      again.stderr,
      new RegExp(
        `duplicates ${path.join(out, written ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(the same source_url\\)`,
      ),
    );
    assert.match(again.stderr, /--force/);
    // The same text under another address (a syndicated copy) is refused too.
    const copy = path.join(dir, "copy.html");
    writeFileSync(copy, PAGE.replace(/<link rel="canonical"[^>]*>/, ""));
    const byText = await run([copy, "--out", out, "--date", "2024-03-07"]);
    assert.is(byText.code, 1);
    assert.match(byText.stderr, /% of the same text\)/);
    assert.equal(readdirSync(out), [written], "nothing written");
    const forced = await run([copy, "--out", out, "--date", "2024-03-07", "--force"]);
    assert.is(forced.code, 0, forced.stderr);
    assert.is(readdirSync(out).length, 2);
  },
);

cli("tag suggestions come only from the site's tags: a comment, or the tags with --tags auto", async () => {
  const out = path.join(dir, "articles");
  mkdirSync(out);
  writeFileSync(
    path.join(out, "2024-01-01-old.md"),
    "---\ntitle: Old\ndate: 2024-01-01\ntags: [Oil, Price, Weather]\n---\nOld text.\n",
  );
  writeFileSync(
    path.join(out, "2024-01-02-older.md"),
    "---\ntitle: Older\ndate: 2024-01-02\ntags: [oil]\n---\nOlder text.\n",
  );
  const file = path.join(dir, "page.html");
  writeFileSync(file, PAGE);
  const json = await run(["--json", file, "--out", out]);
  const article = JSON.parse(json.stdout);
  assert.equal(
    article.suggested_tags,
    ["Oil", "Price"],
    "the most used spelling; 'Weather' is not in the text",
  );
  assert.equal(article.tags, []);
  const written = await run([file, "--out", out]);
  assert.is(written.code, 0, written.stderr);
  const name = readdirSync(out).find((f) => f.includes("oil-exports")) ?? "";
  assert.match(readFileSync(path.join(out, name), "utf8"), /^# suggested tags: Oil, Price$/m);
  rmSync(path.join(out, name));
  const auto = await run([file, "--out", out, "--tags", "auto"]);
  assert.is(auto.code, 0, auto.stderr);
  assert.match(readFileSync(path.join(out, name), "utf8"), /^tags:\n {2}- Oil\n {2}- Price$/m);
});

cli.run();
