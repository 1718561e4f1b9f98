import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexSite } from "../../src/search/index-site.ts";
import { pagefindBinary } from "../../src/search/run-pagefind.ts";

const index = suite("indexSite");

function page(title: string, body: string, attributes = ""): string {
  return `<!doctype html><html lang="en-GB"><head><title>${title}</title></head><body><nav>Menu words</nav><article data-pagefind-body ${attributes}><h1>${title}</h1><p>${body}</p></article></body></html>`;
}

async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-search-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

index("indexes the article pages only and writes the bundle the search page loads", async () => {
  const dir = await site({
    "2019/01/first/index.html": page("First", "Tankers in the strait.", 'data-pagefind-filter="year:2019"'),
    "2020/02/second/index.html": page("Second", "A pipeline deal.", 'data-pagefind-filter="year:2020"'),
    // A listing repeats article text: it must not become a result of its own.
    "tags/oil/index.html": page("Oil", "Tankers in the strait. A pipeline deal."),
    "index.html": page("Home", "Tankers in the strait."),
  });
  const result = await indexSite(dir, { language: "en-GB" });
  assert.equal(result.errors, []);
  assert.is(result.pages, 2);
  const entry = JSON.parse(await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  assert.equal(Object.keys(entry.languages), ["en"]);
  assert.is(entry.languages.en?.page_count, 2);
  const bundle = await readdir(path.join(dir, "pagefind"));
  for (const file of ["pagefind-ui.js", "pagefind.js", "pagefind-worker.js"])
    assert.ok(bundle.includes(file), `${file} is written`);
  assert.ok(!bundle.some((f) => f.includes("modular-ui")), "the unused modular UI is not shipped");
  const filters = await readdir(path.join(dir, "pagefind", "filter"));
  assert.ok(filters.length > 0, "the year filter is written");
  await rm(dir, { recursive: true, force: true });
});

index("indexes the site in its configured language", async () => {
  const dir = await site({ "2019/01/eins/index.html": page("Eins", "Ein Tanker in der Meerenge.") });
  const result = await indexSite(dir, { language: "de" });
  assert.is(result.pages, 1);
  const entry = JSON.parse(await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, unknown>;
  };
  assert.equal(Object.keys(entry.languages), ["de"]);
  await rm(dir, { recursive: true, force: true });
});

async function bundleFiles(dir: string): Promise<Map<string, string>> {
  const root = path.join(dir, "pagefind");
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, file), (await readFile(file)).toString("base64"));
    }
  return files;
}

index("the command line and the Node API write the same bundle, byte for byte", async () => {
  const files = {
    "2019/01/first/index.html": page(
      "First",
      "Tankers in the strait, and more tankers.",
      'data-pagefind-filter="year:2019" data-pagefind-sort="date:2019-01-01"',
    ),
    "2020/02/second/index.html": page(
      "Second",
      "A pipeline deal with tankers.",
      'data-pagefind-filter="year:2020" data-pagefind-sort="date:2020-02-02"',
    ),
  };
  const one = await site(files);
  const two = await site(files);
  assert.ok(pagefindBinary(), "the pagefind package installed its binary");
  const command = await indexSite(one, { language: "en" });
  const api = await indexSite(two, { language: "en" }, { binary: null });
  assert.equal(command, { pages: 2, errors: [] });
  assert.equal(api, { pages: 2, errors: [] });
  const a = await bundleFiles(one);
  const b = await bundleFiles(two);
  assert.equal([...a.keys()].sort(), [...b.keys()].sort());
  for (const [file, bytes] of a) assert.ok(bytes === b.get(file), `${file} is the same`);
  await rm(one, { recursive: true, force: true });
  await rm(two, { recursive: true, force: true });
});

index("a site without article pages still gets the bundle /search/ loads, with no pages", async () => {
  const dir = await site({ "index.html": page("Home", "Nothing yet.") });
  const result = await indexSite(dir, { language: "en" }, { hasPages: false });
  assert.equal(result, { pages: 0, errors: [] });
  const bundle = await readdir(path.join(dir, "pagefind"));
  assert.ok(bundle.includes("pagefind-ui.js"));
  const entry = JSON.parse(await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, unknown>;
  };
  assert.equal(entry.languages, {});
  await rm(dir, { recursive: true, force: true });
});

index("a Pagefind that fails or cannot start is reported, not thrown", async () => {
  const dir = await site({ "2019/01/first/index.html": page("First", "Tankers.") });
  const missing = await indexSite(dir, { language: "en" }, { binary: path.join(dir, "no-such-pagefind") });
  assert.is(missing.pages, 0);
  assert.is(missing.errors.length, 1);
  assert.match(missing.errors[0] ?? "", /^Pagefind could not start \(.*no-such-pagefind\)/);
  await rm(dir, { recursive: true, force: true });
});

index.run();
