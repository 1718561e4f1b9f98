// Every error and warning an article file can get, as the one line the build prints.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkCollection } from "../../src/articles/check-collection.ts";
import { parseArticle } from "../../src/articles/parse-article.ts";
import { decodeText } from "../../src/articles/read-text.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { makeArticle } from "../factories.ts";

const ZONE = { timeZone: "Europe/London" };

function messages(text: string, name = "2019-01-31-story.md"): string[] {
  return parseArticle({ file: `articles/${name}`, name, text }, ZONE).diagnostics.map(formatDiagnostic);
}

const errors = suite("article errors");

errors("a date that is not a date names the file, the line and the expected format", () => {
  assert.equal(messages("---\ntitle: Story\ndate: 31/01/2019\n---\nBody.\n"), [
    'articles/2019-01-31-story.md:3 error front-matter/bad-date: date "31/01/2019" is not a date (expected YYYY-MM-DD or an ISO date-time such as 2019-01-31T09:30:00+01:00)',
  ]);
});

errors("missing or empty title, missing date", () => {
  assert.equal(messages("---\ndate: 2019-01-31\n---\nBody.\n"), [
    'articles/2019-01-31-story.md:1 error front-matter/missing-title: title is missing or empty (expected title: "The headline")',
  ]);
  assert.equal(messages('---\ntitle: "  "\ndate: 2019-01-31\n---\nBody.\n'), [
    'articles/2019-01-31-story.md:2 error front-matter/missing-title: title is missing or empty (expected title: "The headline")',
  ]);
  assert.equal(messages("---\ntitle: Story\n---\nBody.\n"), [
    "articles/2019-01-31-story.md:1 error front-matter/missing-date: date is missing (expected date: YYYY-MM-DD)",
  ]);
});

errors("invalid YAML points at its line", () => {
  const [line] = messages("---\ntitle: Story\ndate: 2019-01-31\ntags: [a, b\n---\nBody.\n");
  assert.match(line ?? "", /^articles\/2019-01-31-story.md:[45] error front-matter\/yaml: invalid YAML: /);
});

errors("no front matter, or front matter never closed", () => {
  assert.equal(messages("Just text\n"), [
    'articles/2019-01-31-story.md:1 error front-matter/missing: the file starts with "Just text" (expected a --- line, then title: and date:, then ---)',
  ]);
  assert.equal(messages("---\ntitle: Story\n"), [
    "articles/2019-01-31-story.md:1 error front-matter/missing: the front matter opened on line 1 is never closed (expected a --- line after it)",
  ]);
});

errors("an empty body", () => {
  assert.equal(messages("---\ntitle: Story\ndate: 2019-01-31\n---\n\n  \n"), [
    "articles/2019-01-31-story.md:5 error article/empty-body: the body is empty (expected the article text after the front matter)",
  ]);
});

errors(
  "a tag or source with no letters or digits, a bad source URL, an image without alt text, a bad draft",
  () => {
    assert.equal(
      messages(
        '---\ntitle: Story\ndate: 2019-01-31\nsource: "!!!"\nsource_url: example.org/x\ntags: [ok, "---"]\nimage: /a.jpg\ndraft: maybe\n---\nBody.\n',
      ),
      [
        'articles/2019-01-31-story.md:4 error front-matter/bad-source: source "!!!" has no letters or digits (expected a publication name)',
        'articles/2019-01-31-story.md:6 error front-matter/bad-tag: tag "---" has no letters or digits (expected a word)',
        'articles/2019-01-31-story.md:5 error front-matter/bad-url: source_url "example.org/x" is not a web address (expected https://…)',
        "articles/2019-01-31-story.md:7 error front-matter/missing-alt: image has no image_alt (expected a description of the image for readers who can't see it)",
        'articles/2019-01-31-story.md:8 error front-matter/bad-draft: draft is "maybe" (expected true or false)',
      ],
    );
  },
);

errors("a file that is not UTF-8 text, or is binary", () => {
  const latin1 = decodeText(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0xe9, 0x0a]));
  assert.equal(latin1, {
    ok: false,
    code: "file/not-utf8",
    line: 2,
    message: "the file is not UTF-8 text from this line on (expected UTF-8: re-save it as UTF-8)",
  });
  const binary = decodeText(new Uint8Array([0x2d, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00]));
  assert.is(binary.ok ? "" : `${binary.code}:${binary.line}`, "file/nul:2");
});

errors("two articles with the same URL or slug", () => {
  const a = makeArticle({ slug: "same", file: "articles/2019-01-31-same.md", line: 3 });
  const b = makeArticle({ slug: "same", file: "articles/drafts/2019-01-31-same.md", line: 4 });
  const { diagnostics, published } = checkCollection([a, b], new Date("2020-01-01"));
  assert.equal(diagnostics.map(formatDiagnostic), [
    "articles/drafts/2019-01-31-same.md:4 error article/duplicate-url: URL /2019/01/same/ is also the URL of articles/2019-01-31-same.md:3 (expected each article's file name to give a different slug)",
  ]);
  assert.is(published.length, 1);
});

errors.run();

const warnings = suite("article warnings");

warnings("an unknown key suggests the likely one", () => {
  assert.equal(messages("---\ntitel: Story\ntitle: Story\ndate: 2019-01-31\n---\nBody.\n"), [
    'articles/2019-01-31-story.md:2 warning front-matter/unknown-key: unknown key "titel" is ignored (did you mean "title"?)',
  ]);
});

warnings("an over-long title", () => {
  const [line] = messages(`---\ntitle: ${"Long ".repeat(40)}\ndate: 2019-01-31\n---\nBody.\n`);
  assert.match(
    line ?? "",
    /^articles\/2019-01-31-story.md:2 warning front-matter\/long-title: title is 199 characters \(expected at most 140/,
  );
});

warnings("a future date holds the article back like a scheduled post; drafts are left out", () => {
  // Midnight on 1 January 2030 in Kiritimati (UTC+14) is still 31 December 2029 in UTC.
  const future = makeArticle({ slug: "later", date: new Date("2029-12-31T10:00:00Z") });
  const draft = makeArticle({ slug: "draft", draft: true });
  const now = makeArticle({ slug: "now" });
  const result = checkCollection(
    [future, draft, now],
    new Date("2020-01-01T00:00:00Z"),
    "Pacific/Kiritimati",
  );
  assert.equal(
    result.published.map((a) => a.slug),
    ["now"],
  );
  assert.equal(
    result.scheduled.map((a) => a.slug),
    ["later"],
  );
  assert.equal(result.diagnostics.map(formatDiagnostic), [
    "articles/later.md:1 warning article/future-date: date 2030-01-01 (Pacific/Kiritimati) is in the future: the article is held back until then",
  ]);
});

warnings.run();

const fileDates = suite("file name and date");

fileDates("a date that disagrees with the file name is a warning at the date: line", () => {
  const text = '---\ntitle: "A story"\nsource: Wire\ndate: 2019-02-03\n---\nBody.\n';
  assert.equal(messages(text, "2019-01-31-story.md"), [
    "articles/2019-01-31-story.md:4 warning front-matter/date-not-file-name: date 2019-02-03 is 2019-02-03, but the file name says 2019-01-31 (the page's address and the archive follow date; rename the file or correct date so they agree)",
  ]);
  assert.equal(messages(text, "2019-02-03-story.md"), []);
  assert.equal(messages(text, "story.md"), []);
});

fileDates("the day is the site's: a date-time late in the evening elsewhere may be the next day here", () => {
  const text = '---\ntitle: "A story"\ndate: 2019-01-30T23:30:00-05:00\n---\nBody.\n';
  assert.equal(messages(text, "2019-01-31-story.md"), []);
  assert.match(
    messages(text, "2019-01-30-story.md").join("\n"),
    "date 2019-01-30T23:30:00-05:00 is 2019-01-31",
  );
});

fileDates("an impossible date says why in plain words, never a library's wording", () => {
  const [message] = messages('---\ntitle: "A story"\ndate: 2023-02-29\n---\nBody.\n', "2023-02-28-story.md");
  assert.is(
    message,
    'articles/2023-02-28-story.md:3 error front-matter/bad-date: date "2023-02-29" is not a date (February 2023 has 28 days, so day 29 does not exist)',
  );
  assert.not.match(message ?? "", "of type");
});

fileDates.run();
