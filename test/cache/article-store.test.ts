import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleMarkdown } from "../../src/articles/parse-article.ts";
import {
  type ArticleFile,
  type ArticleParser,
  loadArticleStore,
  PARSE_BATCH,
  parseArticleFile,
  parseHere,
} from "../../src/cache/article-store.ts";
import { parseConfig } from "../../src/config/parse-config.ts";
import { articleText, fixtureConfig, makeFixtureSite } from "../build/fixture-site.ts";

const ZONE = "Asia/Tehran";
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Good and bad article files: a given summary, a made one, bad UTF-8, a NUL, a front matter error. */
function files(): ArticleFile[] {
  return [
    {
      file: "articles/2019-01-31-given.md",
      name: "2019-01-31-given.md",
      bytes: bytes(articleText({ title: "Given", date: "2019-01-31", summary: "In short." }, "The body.")),
    },
    {
      file: "articles/2019-01-30-made.md",
      name: "2019-01-30-made.md",
      bytes: bytes(articleText({ title: "Made", date: "2019-01-30T09:30", tags: "[Iran]" }, "Body *here*.")),
    },
    { file: "articles/latin1.md", name: "latin1.md", bytes: Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9]) },
    { file: "articles/nul.md", name: "nul.md", bytes: bytes("---\ntitle: A\u0000\n---\nx\n") },
    {
      file: "articles/bad-date.md",
      name: "bad-date.md",
      bytes: bytes(articleText({ title: "A", date: "31/01/2019" })),
    },
  ];
}

const parseFile = suite("parseArticleFile");

parseFile(
  "gives the article's plain data, its Markdown and given summary, or the errors at their lines",
  () => {
    const [given, made, latin1, nul, badDate] = files().map((file) => parseArticleFile(file, ZONE));
    assert.is(given?.article?.title, "Given");
    assert.is(given?.givenSummary, "In short.");
    assert.is(given?.markdown.trim(), "The body.");
    assert.is(made?.givenSummary, null);
    assert.is(made?.markdown.trim(), "Body *here*.");
    assert.is((made?.article?.date as Date | undefined)?.toISOString(), "2019-01-30T06:00:00.000Z");
    // No body fields: they are rendered on demand, never stored.
    assert.not.ok(made?.article && "html" in made.article);
    assert.is(structuredClone(made)?.article?.slug, "made");
    assert.equal(
      [latin1, nul, badDate].map((r) => [r?.article, r?.diagnostics.map((d) => `${d.code}:${d.line}`)]),
      [
        [null, ["file/not-utf8:2"]],
        [null, ["file/nul:2"]],
        [null, ["front-matter/bad-date:3"]],
      ],
    );
  },
);

parseFile(
  "its Markdown is what articleMarkdown gives: line ends normalised, control characters removed",
  () => {
    for (const text of [
      "---\r\ntitle: A\r\ndate: 2019-01-31\r\n---\r\nOne\r\n\r\nTwo\u0007 three\r\n",
      "---\ntitle: B\ndate: 2019-01-31\n---\n\n  Indented\n---\nafter a rule\n",
      "\uFEFF---\ntitle: C\ndate: 2019-01-31\nnote: x\n---\nBody\u200B.\n",
    ]) {
      const result = parseArticleFile({ file: "articles/a.md", name: "a.md", bytes: bytes(text) }, ZONE);
      assert.ok(result.article, text);
      assert.is(result.markdown, articleMarkdown(text), JSON.stringify(text));
    }
  },
);

parseFile.run();

const here = suite("parseHere");

here("parses every file in this thread, in order", async () => {
  const results = await parseHere(files(), ZONE);
  assert.equal(
    results,
    files().map((file) => parseArticleFile(file, ZONE)),
  );
});

here.run();

const load = suite("loadArticleStore");

load("hands the files the cache lacks to the parser, and keeps file order whatever it does", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-one.md": articleText({ title: "One", date: "2019-01-31" }),
    "2019-01-30-two.md": articleText({ title: "Two", date: "2019-01-30" }),
    "2019-01-29-three.md": articleText({ title: "Three", date: "2019-01-29", date_x: "1" }),
  });
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), "gazette-store-"));
  const parsed = parseConfig(fixtureConfig(), "gazette.config.yaml");
  if (!parsed.config) throw new Error("fixture configuration");
  const config = parsed.config;
  const asked: string[][] = [];
  // Parses back to front, as workers finishing in any order might: the store must not care.
  const reversed: ArticleParser = async (list, zone) => {
    asked.push(list.map((f) => f.file));
    const results = [...list].reverse().map((file) => parseArticleFile(file, zone));
    return results.reverse();
  };
  const options = { root, cacheDir, key: "k", useCache: true, parse: reversed };
  const first = await loadArticleStore(config, options);
  const plain = await loadArticleStore(config, { ...options, parse: undefined, useCache: false });
  assert.equal(
    first.articles.map((a) => a.title),
    ["Three", "Two", "One"],
  );
  assert.equal(first.articles, plain.articles);
  assert.equal(first.diagnostics, plain.diagnostics);
  assert.is(first.diagnostics[0]?.code, "front-matter/unknown-key");
  assert.equal(
    first.pending.map((p) => p.markdown),
    plain.pending.map((p) => p.markdown),
  );
  await first.save();
  await writeFile(
    path.join(root, "articles", "2019-01-30-two.md"),
    articleText({ title: "Two!", date: "2019-01-30" }),
  );
  const again = await loadArticleStore(config, options);
  assert.equal(asked, [
    ["articles/2019-01-29-three.md", "articles/2019-01-30-two.md", "articles/2019-01-31-one.md"],
    ["articles/2019-01-30-two.md"],
  ]);
  assert.is(again.reused, 2);
  assert.equal(
    again.articles.map((a) => a.title),
    ["Three", "Two!", "One"],
  );
  await rm(root, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

load(
  "reads and hands the files over a batch at a time, so a parser can work while the rest are read",
  async () => {
    const articles: Record<string, string> = {};
    for (let i = 0; i < 2 * PARSE_BATCH + 6; i++)
      articles[`2019-01-01-a${String(i).padStart(3, "0")}.md`] = articleText({
        title: `A ${i}`,
        date: "2019-01-01",
      });
    const root = await makeFixtureSite(fixtureConfig(), articles);
    const parsed = parseConfig(fixtureConfig(), "gazette.config.yaml");
    if (!parsed.config) throw new Error("fixture configuration");
    const sizes: number[] = [];
    let readWhileParsing = false;
    const store = await loadArticleStore(parsed.config, {
      root,
      cacheDir: path.join(root, "cache"),
      key: "k",
      useCache: false,
      parse: async (list, zone) => {
        sizes.push(list.length);
        // The store goes on reading while this batch waits for another thread.
        await new Promise((resolve) => setTimeout(resolve, 5));
        readWhileParsing ||= sizes.length > 1;
        return list.map((file) => parseArticleFile(file, zone));
      },
    });
    assert.equal(sizes, [PARSE_BATCH, PARSE_BATCH, 6]);
    assert.ok(readWhileParsing);
    assert.is(store.articles.length, 2 * PARSE_BATCH + 6);
    assert.equal(
      store.articles.map((a) => a.title),
      Object.keys(articles).map((_, i) => `A ${i}`),
    );
    await rm(root, { recursive: true, force: true });
  },
);

load.run();
