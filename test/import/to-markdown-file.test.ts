import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ImportedArticle } from "../../src/import/imported-article.ts";
import { articleFileName, toMarkdownFile } from "../../src/import/to-markdown-file.ts";

const article = (over: Partial<ImportedArticle> = {}): ImportedArticle => ({
  title: "Iran Is Looking for Allies: “None”",
  date: "2018-10-20",
  source: "Iran Focus",
  byline: null,
  dateline: "London, 20 Oct",
  caption: "Ali Khamenei and Hassan Rouhani",
  body: "First.\n\nLast.",
  markdown: "First.\n\n- item",
  tags: [],
  suggestedTags: [],
  attribution: "Asharq AL-awsat",
  url: null,
  warnings: [],
  guesses: [],
  ...over,
});

const name = suite("articleFileName");
name("date and slug of the title", () => {
  assert.is(articleFileName(article()), "2018-10-20-iran-is-looking-for-allies-none.md");
});
name("null without a date or a sluggable title", () => {
  assert.is(articleFileName(article({ date: null })), null);
  assert.is(articleFileName(article({ title: "???" })), null);
});
name.run();

const file = suite("toMarkdownFile");
file(
  "front matter with known keys only, the attribution as a key, suggested tags as a comment, then the body",
  () => {
    assert.is(
      toMarkdownFile(article({ tags: ["iran"], suggestedTags: ["iran", "Sanctions", "Middle East"] })),
      [
        "---",
        'title: "Iran Is Looking for Allies: “None”"',
        "date: 2018-10-20",
        "source: Iran Focus",
        "dateline: London, 20 Oct",
        "caption: Ali Khamenei and Hassan Rouhani",
        "attribution: Asharq AL-awsat",
        "tags:",
        "  - iran",
        "# suggested tags: Sanctions, Middle East",
        "---",
        "First.",
        "",
        "- item",
        "",
      ].join("\n"),
    );
  },
);
file.run();
