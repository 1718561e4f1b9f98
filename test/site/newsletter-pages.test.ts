import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { LedgerIssue } from "../../src/newsletter/ledger.ts";
import { issueHeadline, newsletterPages } from "../../src/site/newsletter-pages.ts";

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

newsletterPagesSuite("the headline is the subject without its masthead", () => {
  const [page] = newsletterPages([{ ...issue(3, []), subject: "Gazette #3: Allies wanted" }]);
  assert.is(page?.headline, "Allies wanted");
});

newsletterPagesSuite.run();

const headline = suite("issueHeadline");

headline("drops `Site #N: ` once; keeps a subject that has no such masthead", () => {
  assert.is(issueHeadline("Gazette #1: Iran is looking for allies", 1), "Iran is looking for allies");
  assert.is(issueHeadline("The Daily #12: Talks #2: resumed", 12), "Talks #2: resumed");
  assert.is(issueHeadline("Gazette #1", 1), "Gazette #1");
  assert.is(issueHeadline("A special edition", 4), "A special edition");
});

headline.run();
