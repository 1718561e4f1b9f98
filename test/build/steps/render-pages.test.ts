import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../../src/build/build-site.ts";
import { isIndexedPage } from "../../../src/search/indexed-part.ts";
import { articleText, fixtureConfig, makeFixtureSite } from "../fixture-site.ts";

const NOW = new Date("2019-06-01T00:00:00Z");

/** Ten articles over three months, two tags: article pages, home pages, tag and archive listings. */
function articles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) {
    const day = `2019-0${1 + (i % 3)}-${String(10 + i).padStart(2, "0")}`;
    files[`${day}-story-${i}.md`] = articleText({
      title: `Story ${i}`,
      date: day,
      tags: i % 2 ? "[Iran, Oil]" : "[Iran]",
    });
  }
  return files;
}

/** The modification time of every HTML page of a built site, by path. */
async function pageTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (entry.isFile() && file.endsWith(".html") && !file.startsWith("pagefind/"))
      times.set(file, (await stat(path.join(dir, file))).mtimeMs);
  }
  return times;
}

const renderPages = suite("renderPages");

renderPages(
  "writes every article page before any listing (the search starts on them), in one thread or many",
  async () => {
    for (const jobs of [1, 2]) {
      const root = await makeFixtureSite(fixtureConfig({ perPage: 2 }), articles());
      const result = await buildSite({ root, now: NOW, jobs, workerThreshold: 1, search: false });
      assert.ok(result.ok);
      const times = await pageTimes(result.outDir);
      const articlePages = [...times].filter(([file]) => isIndexedPage(file));
      const listings = [...times].filter(([file]) => !isIndexedPage(file));
      assert.is(articlePages.length, 10);
      assert.ok(listings.length > 5, `${listings.length} listings`);
      const lastArticle = Math.max(...articlePages.map(([, time]) => time));
      const firstListing = Math.min(...listings.map(([, time]) => time));
      assert.ok(lastArticle <= firstListing, `jobs ${jobs}: a listing was written before an article page`);
      await rm(root, { recursive: true, force: true });
    }
  },
);

renderPages.run();
