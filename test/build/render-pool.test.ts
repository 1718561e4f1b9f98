import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createRenderPool } from "../../src/build/render-pool.ts";
import { type ArticleFile, parseArticleFile } from "../../src/cache/article-store.ts";
import { articleText } from "./fixture-site.ts";

const pool = suite("createRenderPool");

pool(
  "parses article files in the workers and this thread together, each as parseArticleFile does, in order",
  async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const files: ArticleFile[] = Array.from({ length: 150 }, (_, i) => {
      const name = `2019-01-${String(1 + (i % 28)).padStart(2, "0")}-story-${i}.md`;
      // Every seventh file is broken: its error must come back at its place.
      const text =
        i % 7 === 3
          ? articleText({ title: `Story ${i}`, date: "31/01/2019" })
          : articleText(
              { title: `Story ${i}`, date: name.slice(0, 10), tags: `[Tag ${i % 5}]` },
              `Body ${i}.`,
            );
      return { file: `articles/${name}`, name, bytes: encode(text) };
    });
    const workers = createRenderPool({
      jobs: 2,
      root: "/nowhere",
      templatesDir: "/nowhere",
      staging: "/nowhere",
    });
    try {
      const results = await workers.parse(files, "Asia/Tehran");
      assert.equal(
        results,
        files.map((file) => parseArticleFile(file, "Asia/Tehran")),
      );
      assert.is(results.filter((r) => r.article === null).length, 21);
      assert.equal(await workers.parse([], "Asia/Tehran"), []);
    } finally {
      await workers.close();
    }
  },
);

pool.run();
