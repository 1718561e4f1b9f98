import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ImportedArticle } from "../../src/import/imported-article.ts";
import {
  articleFileName,
  MAX_IMPORTED_SLUG_BYTES,
  toMarkdownFile,
} from "../../src/import/to-markdown-file.ts";

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
name("a long headline's slug is cut at a word boundary, in UTF-8 bytes", () => {
  const long = articleFileName(article({ title: "Minister announces sweeping reform ".repeat(20) })) ?? "";
  assert.ok(Buffer.byteLength(long) <= "2018-10-20-".length + MAX_IMPORTED_SLUG_BYTES + ".md".length);
  assert.match(long, /^2018-10-20-minister-announces-sweeping-reform-minister-[a-z-]*[a-z]\.md$/);
  const greek = articleFileName(article({ title: "Ελλάδα ".repeat(60) })) ?? "";
  assert.ok(Buffer.byteLength(greek) <= "2018-10-20-".length + MAX_IMPORTED_SLUG_BYTES + ".md".length);
  assert.match(greek, /^2018-10-20-ελλάδα(-ελλάδα)*\.md$/);
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
file(
  "control characters are not written: C1 as the windows-1252 punctuation it stands for, the rest removed",
  () => {
    const text = toMarkdownFile(
      article({
        title: "We\u0092re back\u0007",
        byline: "Jane\nDoe \u202Eevil",
        tags: ["Oil\u0085", "\u0001"],
        markdown: "Because we\u0092re used to it.\u0008\n\nNext\u001b[2J paragraph.",
      }),
    );
    assert.match(text, /^title: We’re back$/m);
    assert.match(text, /^byline: Jane Doe evil$/m);
    assert.match(text, /^tags:\n {2}- Oil…\n---$/m);
    assert.match(text, /^Because we’re used to it\.\n\nNext\[2J paragraph\.$/m);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    assert.not.match(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  },
);

file.run();
