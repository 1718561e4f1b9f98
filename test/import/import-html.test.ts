import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { importHtml } from "../../src/import/import-html.ts";

const PAGE = readFileSync(new URL("../fixtures/html/article.html", import.meta.url), "utf8");

const html = suite("importHtml");

html("reads the headline, date, source, author and address from the page's metadata", () => {
  const a = importHtml(PAGE);
  assert.is(a.title, "Oil exports fall for a third month");
  assert.is(a.date, "2024-03-05", "the day as written in the page's own offset, not in UTC");
  assert.is(a.source, "The Daily Example");
  assert.is(a.byline, "Jane Doe");
  assert.is(a.url, "https://news.example.com/2024/03/oil-exports-fall/");
});

html("keeps the article's paragraphs, subheadings and lists; drops chrome, caption and byline", () => {
  const a = importHtml(PAGE);
  assert.ok(a.body.startsWith("Oil exports fell for a third month in February"), a.body.slice(0, 80));
  assert.ok(a.body.includes("\n\nWhat comes next\n\n"));
  assert.match(a.markdown, /^- Prices fell by eight percent over the month\.$/m);
  for (const chrome of [
    "Home",
    "Most read",
    "All rights reserved",
    "Share this",
    "Photo: Agency",
    "By Jane Doe",
  ])
    assert.not.ok(a.body.includes(chrome), chrome);
  assert.is(a.attribution, "Example Wire");
  assert.not.ok(a.body.includes("Source: Example Wire"));
});

html("options win over the page", () => {
  const a = importHtml(PAGE, { date: "2024-03-06", source: "Wire", url: "https://other.example/x" });
  assert.is(a.date, "2024-03-06");
  assert.is(a.source, "Wire");
  assert.is(a.url, "https://other.example/x");
});

html("a page without metadata falls back on its text: headline, date stamp, body", () => {
  const body = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the story tells what happened in the town on the day, who was there and what they said to the reporters afterwards.</p>`,
  ).join("");
  const a = importHtml(
    `<html><body><h1>Storm floods the old town</h1><p>12 June 2023</p>${body}</body></html>`,
  );
  assert.is(a.title, "Storm floods the old town");
  assert.is(a.date, "2023-06-12");
  assert.ok(a.body.startsWith("Paragraph 1 of the story"), a.body.slice(0, 60));
  assert.is(a.url, null);
});

const STORY = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story tells what happened in the town on the day, who was there and what they said to the reporters afterwards.</p>`,
).join("");

html("the day shown by the headline wins over a declared UTC stamp one day away; not over two", () => {
  const page = (stamp: string) =>
    `<html><head><meta property="article:published_time" content="2025-12-10T23:00:00+00:00"></head><body><h1>Storm floods the old town</h1><p>${stamp}</p>${STORY}</body></html>`;
  assert.is(importHtml(page("11 December 2025")).date, "2025-12-11");
  assert.is(importHtml(page("9 December 2025")).date, "2025-12-09");
  assert.is(importHtml(page("12 December 2025")).date, "2025-12-10");
});

html("attribute names are read case-insensitively (a React page's dateTime)", () => {
  const a = importHtml(
    `<html><body><h1>Storm floods the old town</h1><time dateTime="2024-04-14T04:00:00.000Z">April 14</time>${STORY}</body></html>`,
  );
  assert.is(a.date, "2024-04-14");
});

html(
  "a stamp of the modified day dates the page within a year of the publication, labelled or not; later, the publication does",
  () => {
    const page = (published: string, stamp: string) =>
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm floods the old town","datePublished":"${published}T10:00:00Z","dateModified":"2025-10-17T10:00:00Z"}</script></head><body><h1>Storm floods the old town</h1><p>${stamp}</p>${STORY}</body></html>`;
    assert.is(importHtml(page("2023-05-30", "Updated October 17, 2025")).date, "2023-05-30");
    assert.is(importHtml(page("2023-05-30", "Last modified on October 17, 2025")).date, "2023-05-30");
    assert.is(importHtml(page("2023-05-30", "October 17, 2025")).date, "2023-05-30");
    assert.is(importHtml(page("2025-05-30", "Updated October 17, 2025")).date, "2025-10-17");
    assert.is(importHtml(page("2025-05-30", "October 17, 2025")).date, "2025-10-17");
  },
);

html("a heading's words are read as shown: a line break inside it separates them", () => {
  const a = importHtml(
    `<html><head><title>Weekend Coding Agent</title></head><body><h1>Weekend<br>Coding Agent</h1><p>12 June 2023</p>${STORY}</body></html>`,
  );
  assert.is(a.title, "Weekend Coding Agent");
});

html("an empty page gives nulls and warnings, never a throw", () => {
  const a = importHtml("<html><body></body></html>");
  assert.is(a.title, null);
  assert.is(a.date, null);
  assert.is(a.body, "");
  assert.ok(a.warnings.some((w) => w.startsWith("title:")));
  assert.ok(a.warnings.some((w) => w.startsWith("date:")));
});

html(
  "a stamp glued to the byline by the markup, and the day in the address when nothing else dates the page",
  () => {
    const glued = importHtml(
      `<html><body><h1>Storm floods the old town</h1><div><span>Jane Doe</span><span>Mar 5, 2025</span></div>${STORY}</body></html>`,
    );
    assert.is(glued.date, "2025-03-05");
    const addressed = importHtml(
      `<html><head><link rel="canonical" href="https://news.example/2023/12/20/storm-floods/"></head><body><h1>Storm floods the old town</h1>${STORY}</body></html>`,
    );
    assert.is(addressed.date, "2023-12-20");
    assert.ok(
      addressed.guesses.includes("date 2023-12-20 from the page's address"),
      addressed.guesses.join("; "),
    );
  },
);

html("what follows the article in the main content is not its body: reading lists, bios, credits", () => {
  const a = importHtml(
    `<html><body><article><h1>Storm floods the old town</h1>${STORY}<p>Related: Another town braces for the rain</p>${STORY}<p>A flooded street in the old town. (Photo: Jane Roe)</p>${STORY}<p>Jane Doe is a reporter at The Daily Example who covers the city.</p><h2>Editors' Recommendations</h2><p>Why the river keeps rising, and what the council plans to do about it in the coming years.</p></article></body></html>`,
  );
  assert.ok(a.body.startsWith("Paragraph 1 of the story"), a.body.slice(0, 60));
  assert.ok(a.body.endsWith("afterwards."), a.body.slice(-80));
  for (const gone of ["Related:", "Photo: Jane Roe", "is a reporter at", "Editors", "river keeps rising"])
    assert.not.ok(a.body.includes(gone), gone);
});

html("other stories' headlines and dates closing the main content are left out (the body-line model)", () => {
  const a = importHtml(
    `<html><body><article><h1>Storm floods the old town</h1>${STORY}<div class="cards"><h3>How to set up a home office in a rented apartment</h3><p>Oct 17, 2025</p><h3>How to stand properly at your desk?</h3><p>Sep 18, 2025</p></div></article></body></html>`,
  );
  assert.ok(a.body.endsWith("afterwards."), a.body.slice(-80));
  for (const gone of ["home office", "Oct 17, 2025", "properly at your desk"])
    assert.not.ok(a.body.includes(gone), gone);
});

html("main content that is mostly links is not taken for the article: the page's text is read", () => {
  const item = (n: number): string =>
    `<p><a href="/s/${n}">Another story, number ${n}, tells how the council's plans for the new bridge over the river changed</a>, the mayor said.</p>`;
  const page = `<!doctype html><html><head><title>Storm floods the old town</title></head><body><h1>Storm floods the old town</h1><div class="list">${Array.from({ length: 12 }, (_, i) => item(i)).join("")}</div></body></html>`;
  const a = importHtml(page);
  assert.ok(
    a.guesses.some((g) =>
      /whole page's text \(the main content found is mostly links: \d+% of its text\)/.test(g),
    ),
    a.guesses.join(" / "),
  );
  assert.ok(a.body.includes("Another story, number 11,"), "nothing of the text is lost");
});

html("a page nested thousands deep is read like a browser reads it: its text, a warning, no crash", () => {
  // 10,000 nested <div>s overflowed the stack; 2,000 took Readability about four minutes.
  const depth = 10_000;
  const page = `<html><body>${"<div>".repeat(depth)}<h1>Storm floods the old town</h1><p>12 June 2023</p>${STORY}${"</div>".repeat(depth)}</body></html>`;
  const a = importHtml(page);
  assert.is(a.title, "Storm floods the old town");
  assert.is(a.date, "2023-06-12");
  assert.ok(a.body.startsWith("Paragraph 1 of the story"), a.body.slice(0, 60));
  assert.ok(
    a.warnings.includes(
      "page: elements are nested 10003 deep; as in a browser, the 9491 nested deeper than 512 were read beside the deepest",
    ),
    a.warnings.join("\n"),
  );
  assert.ok(
    a.guesses.includes(
      "body from the whole page's text (elements nested 10003 deep, too deep to look for its main content)",
    ),
    a.guesses.join("\n"),
  );
});

html("a page deeper than Readability is given, but within a browser's depth: no warning, its text", () => {
  const page = `<html><body>${"<div>".repeat(300)}<h1>Storm floods the old town</h1>${STORY}${"</div>".repeat(300)}</body></html>`;
  const a = importHtml(page);
  assert.is(a.title, "Storm floods the old town");
  assert.ok(a.body.startsWith("Paragraph 1 of the story"), a.body.slice(0, 60));
  assert.not.ok(
    a.warnings.some((w) => w.startsWith("page:")),
    a.warnings.join("\n"),
  );
});

html.run();
