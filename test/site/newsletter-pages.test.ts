import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { LedgerIssue } from "../../src/newsletter/ledger.ts";
import { newsletterPages } from "../../src/site/newsletter-pages.ts";

const newsletterPagesSuite = suite("newsletterPages");

function issue(number: number, dates: string[]): LedgerIssue {
  return {
    number,
    date: `2019-02-0${number}T08:00:00+00:00`,
    cutoff: `2019-02-0${number}T08:00:00+00:00`,
    since: null,
    until: null,
    subject: `Gazette #${number}`,
    preheader: "Two stories",
    intro: number === 2 ? { markdown: "Hello <b>there</b>\n\n# News" } : null,
    entries: dates.map((date, i) => ({
      slug: `story-${number}-${i}`,
      title: `Story ${i}`,
      url: `/2019/01/story-${number}-${i}/`,
      summary: "A summary.",
      source: null,
      date,
      readingMinutes: 2,
    })),
  };
}

newsletterPagesSuite("lists issues newest first with their URL, intro and date range", () => {
  const pages = newsletterPages([
    issue(1, ["2019-01-30T10:00:00Z", "2019-01-28T10:00:00Z"]),
    issue(2, ["2019-01-31T10:00:00Z"]),
  ]);
  assert.equal(
    pages.map((p) => [p.number, p.url]),
    [
      [2, "/newsletter/2/"],
      [1, "/newsletter/1/"],
    ],
  );
  // Rendered from the ledger's Markdown, escaped, headings one level down.
  assert.is(pages[0]?.introHtml, "<p>Hello &lt;b&gt;there&lt;/b&gt;</p>\n<h2>News</h2>");
  assert.is(pages[1]?.introHtml, null);
  assert.is(pages[1]?.first?.toISOString(), "2019-01-28T10:00:00.000Z");
  assert.is(pages[1]?.last?.toISOString(), "2019-01-30T10:00:00.000Z");
  assert.ok(pages[1]?.entries[0]?.date instanceof Date);
});

newsletterPagesSuite("an issue without entries has no date range", () => {
  const [page] = newsletterPages([issue(1, [])]);
  assert.is(page?.first, null);
  assert.is(page?.last, null);
});

newsletterPagesSuite.run();
