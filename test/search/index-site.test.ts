import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexSite } from "../../src/search/index-site.ts";

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

index.run();
