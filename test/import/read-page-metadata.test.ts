import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isoDay, readPageMetadata } from "../../src/import/read-page-metadata.ts";

const doc = (head: string, body = "") =>
  parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as never;

const meta = suite("readPageMetadata");

meta("JSON-LD NewsArticle inside @graph wins; a malformed block is skipped", () => {
  const m = readPageMetadata(
    doc(`<script type="application/ld+json">{ not json</script>
<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Page","datePublished":"2020-01-01"},
{"@type":["NewsArticle"],"headline":"Real &amp; headline","datePublished":"2021-02-03T01:00:00+09:00",
"author":{"name":"A. Writer"},"publisher":{"name":"Paper"},"url":"https://paper.example/a"}]}</script>`),
  );
  assert.equal(m.titles, ["Real & headline"]);
  assert.is(m.date, "2021-02-03");
  assert.is(m.dateFrom, "JSON-LD datePublished");
  assert.is(m.author, "A. Writer");
  assert.is(m.siteName, "Paper");
  assert.is(m.url, "https://paper.example/a");
});

meta("Open Graph, article:published_time and the canonical link", () => {
  const m = readPageMetadata(
    doc(`<title>T | Site</title><meta property="og:title" content="T"><meta property="og:site_name" content="Site">
<meta property="article:published_time" content="2019-01-31T10:00:00Z"><meta name="author" content="B. Writer">
<link rel="canonical" href="https://site.example/t"><meta property="og:url" content="https://site.example/og">`),
  );
  assert.equal(m.titles, ["T", "T | Site"]);
  assert.is(m.date, "2019-01-31");
  assert.is(m.siteName, "Site");
  assert.is(m.author, "B. Writer");
  assert.is(m.url, "https://site.example/t");
});

meta("a date meta written for people is read, before other stories' microdata; JSON-LD's is not", () => {
  const cards = `<span itemprop="datePublished" content="2026-03-13T12:00:00+00:00">Mar 13, 2026</span>`;
  const m = readPageMetadata(doc(`<meta name="date" content="March 27, 2025" />`, cards));
  assert.is(m.date, "2025-03-27");
  assert.is(m.dateFrom, "meta date");
  const ld = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Jun 24, 2025"}</script>`;
  assert.is(readPageMetadata(doc(ld, cards)).date, "2026-03-13");
});

meta("microdata and <time>, but not a comment's time stamp", () => {
  const m = readPageMetadata(
    doc(
      "",
      `<div class="comments"><time datetime="2022-07-11T18:56:58+00:00">x</time></div><time datetime="2022-05-01">1 May</time>`,
    ),
  );
  assert.is(m.date, "2022-05-01");
  const n = readPageMetadata(
    doc("", `<span itemprop="datePublished" content="2023-10-03T05:30:41-04:00"></span>`),
  );
  assert.is(n.date, "2023-10-03");
});

meta("of several <time>s, the one nearest the h1 (other stories' stamps sit in lists and sidebars)", () => {
  const teasers = `<div class="views-row"><a href="/a">Other story</a><time datetime="2025-01-31T12:00:00Z">01/31/2025</time></div>`;
  const m = readPageMetadata(
    doc(
      "",
      `<aside>${teasers}</aside><main><article><header><h1>Head</h1>
<div class="meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time></div></header></article></main>`,
    ),
  );
  assert.is(m.date, "2017-03-01");
  const before = readPageMetadata(
    doc(
      "",
      `<header><time datetime="2023-10-12">10/12/2023</time><h1>Head</h1></header><aside>${teasers}</aside>`,
    ),
  );
  assert.is(before.date, "2023-10-12", "a stamp above the headline in its header");
  assert.is(readPageMetadata(doc("", teasers)).date, "2025-01-31", "without an h1, the first");
});

meta("other publication metas (the earliest), then a <time>'s own words outside teasers and updates", () => {
  const m = readPageMetadata(
    doc(`<meta name="published-time" content="2026-03-09T08:45:32Z"><meta name="published-date" content="2021-02-16">
<meta name="modified-date" content="2024-07-30"><meta name="publisher" content="2020-01-01">`),
  );
  assert.is(m.date, "2021-02-16");
  assert.is(m.dateFrom, "publication meta");
  assert.is(
    readPageMetadata(doc(`<meta name="citation_publication_date" content="2024 Jun 30">`)).date,
    "2024-06-30",
  );
  assert.is(readPageMetadata(doc(`<meta name="published" content="July 17, 2025">`)).date, "2025-07-17");
  const t = readPageMetadata(
    doc(
      "",
      `<div class="card"><time>16 Feb 2024</time></div><ul><li><time>1 March 2024</time></li></ul>
<time>Updated on: October 28, 2024</time><time>April 26, 2024</time>`,
    ),
  );
  assert.is(t.date, "2024-04-26");
  assert.is(t.dateFrom, "time text");
});

meta("an attribute naming the publication, then a datePublished in other embedded JSON", () => {
  const a = readPageMetadata(doc("", `<lit-timestamp publishdate="2018-01-23T17:38:06Z"></lit-timestamp>`));
  assert.is(a.date, "2018-01-23");
  assert.is(a.dateFrom, "publication date attribute");
  const b = readPageMetadata(
    doc(
      "",
      `<script id="__NEXT_DATA__" type="application/json">{"post":{"datePublished":"2023-12-05T02:20:38Z"}}</script>`,
    ),
  );
  assert.is(b.date, "2023-12-05");
  assert.is(b.dateFrom, "embedded datePublished");
  const c = readPageMetadata(
    doc("", `<div data-props='{"article":{"datePublished":"2023-10-17T05:56:46Z"}}'></div>`),
  );
  assert.is(c.date, "2023-10-17");
  const e = readPageMetadata(
    doc(
      "",
      `<div data-props='{"a":{"datePublished":"2023-10-19T05:56:46Z","dateModified":"2023-10-17"}}'></div>`,
    ),
  );
  assert.is(e.modified, "2023-10-17", "and the dateModified beside it");
  const d = readPageMetadata(
    doc("", `<div data-publisher-date="2023-10-17">x</div><p>"datePublished" in prose</p>`),
  );
  assert.is(d.date, null, "neither the publisher's attribute nor prose");
});

meta(
  "nothing declared: empty titles and nulls; a profile URL is not an author; only http(s) addresses",
  () => {
    const m = readPageMetadata(
      doc(
        `<meta name="author" content="https://x.example/me"><link rel="canonical" href="javascript:alert(1)">`,
      ),
    );
    assert.equal(m.titles, []);
    assert.is(m.date, null);
    assert.is(m.author, null);
    assert.is(m.url, null);
    assert.is(m.siteName, null);
  },
);
meta("a declared address that is the site's home page or has no real host is passed over", () => {
  const m = readPageMetadata(
    doc(`<link rel="canonical" href="https://site.example"><meta property="og:url" content="http://no-dot-host/a">
<script type="application/ld+json">{"@type":"NewsArticle","url":"https://site.example/2024/01/story"}</script>`),
  );
  assert.is(m.url, "https://site.example/2024/01/story");
  const blog = readPageMetadata(
    doc(
      `<script type="application/ld+json">{"@type":"Blog","name":"A blog","url":"https://blog.example/"}</script>`,
    ),
  );
  assert.is(blog.url, null, "a Blog object's url is the blog, not the post");
  const query = readPageMetadata(doc(`<link rel="canonical" href="https://site.example/?p=123">`));
  assert.is(query.url, "https://site.example/?p=123", "a query string names one page");
});

meta("a title, site name or author too long to be one is not taken from the markup", () => {
  const long = "word ".repeat(200).trim();
  const page = readPageMetadata(
    doc(
      `<meta property="og:title" content="${"x".repeat(3_000_000)}"><meta name="twitter:title" content="${long}">` +
        `<meta property="og:site_name" content="${long}"><meta name="author" content="${long}"><title>The Headline</title>`,
    ),
  );
  assert.equal(page.titles, ["The Headline"]);
  assert.is(page.siteName, null);
  assert.is(page.author, null);
});

meta.run();

const day = suite("isoDay");
day("the day as written, or null", () => {
  assert.is(isoDay("2024-03-05T23:10:00-05:00"), "2024-03-05");
  assert.is(isoDay("March 5"), null);
  assert.is(isoDay("2024-13-05"), null);
  assert.is(isoDay("2024-02-31T10:00:00Z"), null, "no such day");
  assert.is(isoDay("2023-02-29"), null, "not a leap year");
  assert.is(isoDay("2024-02-29"), "2024-02-29");
  assert.is(isoDay(undefined), null);
});
day.run();
