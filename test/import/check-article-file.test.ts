import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkArticleFile } from "../../src/import/check-article-file.ts";
import type { ImportedArticle } from "../../src/import/imported-article.ts";
import { toMarkdownFile } from "../../src/import/to-markdown-file.ts";

const NAME = "2024-03-05-oil-exports-fall.md";

function file(over: Partial<ImportedArticle> = {}): string {
  return toMarkdownFile({
    title: "Oil exports fall",
    date: "2024-03-05",
    source: "The Daily Example",
    url: "https://news.example.com/oil",
    byline: null,
    dateline: null,
    caption: null,
    attribution: null,
    tags: [],
    suggestedTags: [],
    body: "Oil exports fell.",
    markdown: "Oil exports fell.",
    warnings: [],
    guesses: [],
    ...over,
  });
}

const check = suite("checkArticleFile");

check("an ordinary imported file has no errors", () => {
  assert.equal(checkArticleFile(NAME, file({ tags: ["Oil", "Iran"] })), []);
});

check("a source_url the build refuses is an error at its line", () => {
  const errors = checkArticleFile(NAME, file({ url: "javascript:alert(1)" }));
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? "", /^line 5: source_url "javascript:alert\(1\)" is not a web address/);
});

check("a tag with no letters, and a source too long for a folder name, are errors", () => {
  const errors = checkArticleFile(NAME, file({ tags: ["---"], source: "x".repeat(300) }));
  assert.equal(errors.length, 2);
  assert.ok(errors.some((e) => /tag "---" has no letters or digits/.test(e)));
  assert.ok(errors.some((e) => /^line 4: source "x+…"/.test(e)));
});

check("a headline with YAML syntax and a line break stays one safe value", () => {
  const content = file({ title: '--- Oil: "exports" #1\n---\ndraft: true' });
  assert.equal(checkArticleFile(NAME, content), []);
  assert.not.match(content, /^draft:/m);
});

check.run();
