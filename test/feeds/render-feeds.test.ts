import { parseFeed } from "@rowanmanning/feed-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Article } from "../../src/articles/article.ts";
import { feedLinks, renderFeeds } from "../../src/feeds/render-feeds.ts";
import { makeArticle, makeConfig } from "../factories.ts";
import { fileAt, jsonFeedErrors, wellFormed } from "./feed-helpers.ts";

const config = makeConfig({ url: "https://example.org/digest/", pathPrefix: "/digest/", feedLimit: 3 });

function site(): Article[] {
  return Array.from({ length: 5 }, (_, i) =>
    makeArticle({
      title: `Story ${i}`,
      date: new Date(Date.UTC(2019, 0, 31 - i, 9)),
      tags: i % 2 === 0 ? [{ name: "Iran", slug: "iran" }] : [{ name: "Oil", slug: "oil" }],
      html: `<p>See <a href="/2019/01/story-${i + 1}/">the next</a> and <a href="notes/">notes</a>.</p>\n<p><img src="/images/${i}.jpg" alt="x"></p>\n`,
      byline: i === 0 ? "Jane Doe" : null,
    }),
  );
}

const render = suite("renderFeeds");

render("writes the site feeds and an RSS and Atom feed per tag", () => {
  const paths = [...renderFeeds(config, site())].map((f) => f.path);
  assert.equal(paths, [
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/tags/iran/feed.xml",
    "/tags/iran/atom.xml",
    "/tags/oil/feed.xml",
    "/tags/oil/atom.xml",
    "/sources/iran-focus/feed.xml",
    "/sources/iran-focus/atom.xml",
    "/archive/2019/01/feed.xml",
    "/archive/2019/01/atom.xml",
  ]);
});

render("RSS and Atom parse back with the newest entries, permalink ids and absolute content", () => {
  const files = [...renderFeeds(config, site())];
  for (const path of ["/feed.xml", "/atom.xml"]) {
    const xml = fileAt(files, path);
    assert.is(wellFormed(xml), null, path);
    const feed = parseFeed(xml);
    assert.is(feed.items.length, 3, `${path}: the newest feedLimit entries`);
    assert.equal(
      feed.items.map((item) => item.title),
      ["Story 0", "Story 1", "Story 2"],
    );
    const first = feed.items[0];
    assert.is(first?.url, "https://example.org/digest/2019/01/story-0/");
    assert.is(first?.id, "https://example.org/digest/2019/01/story-0/");
    assert.match(first?.content ?? "", 'href="https://example.org/digest/2019/01/story-1/"');
    assert.match(first?.content ?? "", 'href="https://example.org/digest/2019/01/story-0/notes/"');
    assert.match(first?.content ?? "", 'src="https://example.org/digest/images/0.jpg"');
    assert.equal(
      first?.categories.map((c) => c.label ?? c.term),
      ["Iran"],
    );
    assert.is(
      feed.self,
      path === "/feed.xml" ? "https://example.org/digest/feed.xml" : "https://example.org/digest/atom.xml",
    );
    assert.is(feed.language ?? "en-GB", "en-GB");
    assert.is(
      feed.updated?.toISOString(),
      "2019-01-31T09:00:00.000Z",
      "the newest entry's date, not the clock",
    );
    assert.not.match(xml, "xml-stylesheet", "no XSLT: /feeds/ is the human page");
  }
});

render("the JSON Feed is version 1.1 and valid against its schema", () => {
  const json = JSON.parse(fileAt([...renderFeeds(config, site())], "/feed.json"));
  assert.is(jsonFeedErrors(json), null);
  assert.is(json.version, "https://jsonfeed.org/version/1.1");
  assert.is(json.language, "en-GB");
  assert.equal(json.authors, [{ name: "Test Gazette Ltd", url: "https://example.org/digest/" }]);
  assert.is(json.author, undefined, "1.0's single author is gone");
  assert.is(json.items.length, 3);
  assert.equal(json.items[0].authors, [{ name: "Jane Doe" }]);
  assert.is(json.items[0].id, "https://example.org/digest/2019/01/story-0/");
});

render("a tag feed holds only that tag's articles, dated by its own newest entry", () => {
  const files = [...renderFeeds(config, site())];
  const feed = parseFeed(fileAt(files, "/tags/oil/atom.xml"));
  assert.equal(
    feed.items.map((i) => i.title),
    ["Story 1", "Story 3"],
  );
  assert.is(feed.updated?.toISOString(), "2019-01-30T09:00:00.000Z");
  assert.is(feed.self, "https://example.org/digest/tags/oil/atom.xml");
});

render("the same articles give byte-identical feeds; an edit changes that entry and the date only", () => {
  const before = [...renderFeeds(config, site())];
  assert.equal([...renderFeeds(config, site())], before);
  const edited = site();
  edited[1] = {
    ...(edited[1] as Article),
    title: "Story 1, corrected",
    updated: new Date("2019-02-01T10:00:00Z"),
  };
  const after = fileAt([...renderFeeds(config, edited)], "/atom.xml").split("\n");
  const old = fileAt(before, "/atom.xml").split("\n");
  const changed = after.filter((line, i) => line !== old[i]).map((l) => l.trim());
  assert.equal(changed, [
    "<updated>2019-02-01T10:00:00.000Z</updated>",
    '<title type="html"><![CDATA[Story 1, corrected]]></title>',
    "<updated>2019-02-01T10:00:00.000Z</updated>",
  ]);
});

/** Articles over three months in London: 5 in January 2019, none in February, 2 in March; newest first. */
function history(): Article[] {
  const days = [
    [2019, 2, 20],
    [2019, 2, 2],
    [2019, 0, 31],
    [2019, 0, 20],
    [2019, 0, 10],
    [2019, 0, 5],
    [2019, 0, 1],
  ] as const;
  return days.map(([y, m, d], i) =>
    makeArticle({ title: `H${i}`, slug: `h${i}`, date: new Date(Date.UTC(y, m, d, 12)), tags: [] }),
  );
}

function xmlLinks(xml: string): Record<string, string> {
  const links: Record<string, string> = {};
  for (const match of xml.matchAll(/<(?:atom:)?link rel="([^"]+)" href="([^"]+)"/g))
    links[match[1] ?? ""] = match[2] ?? "";
  for (const match of xml.matchAll(/<atom:link href="([^"]+)" rel="([^"]+)"/g))
    links[match[2] ?? ""] = match[1] ?? "";
  return links;
}

render(
  "monthly archive feeds are complete, linked both ways past empty months and to the current feed (RFC 5005)",
  () => {
    const files = [...renderFeeds(config, history())];
    const archives = files.map((f) => f.path).filter((p) => p.startsWith("/archive/"));
    assert.equal(
      archives,
      [
        "/archive/2019/03/feed.xml",
        "/archive/2019/03/atom.xml",
        "/archive/2019/01/feed.xml",
        "/archive/2019/01/atom.xml",
      ],
      "no archive document for February, which has no articles",
    );
    for (const [format, name] of [
      ["rss", "feed.xml"],
      ["atom", "atom.xml"],
    ] as const) {
      const main = fileAt(files, `/${name}`);
      assert.is(parseFeed(main).items.length, 3, "the subscription feed keeps feedLimit entries");
      assert.not.match(main, "fh:archive");
      // Walk the history from the subscription feed, as an archiving client would.
      const seen: string[] = [];
      const walked: string[] = [];
      let url: string | undefined = xmlLinks(main)["prev-archive"];
      let newer = `https://example.org/digest/${name}`;
      let first = true;
      while (url) {
        const path = url.replace("https://example.org/digest", "");
        walked.push(path);
        const xml = fileAt(files, path);
        assert.is(wellFormed(xml), null, path);
        assert.match(xml, "<fh:archive/>", path);
        assert.match(xml, 'xmlns:fh="http://purl.org/syndication/history/1.0"', path);
        const links = xmlLinks(xml);
        assert.is(links.self, url);
        assert.is(links.current, `https://example.org/digest/${name}`, `${path}: current`);
        if (first) assert.is(links["next-archive"], undefined, "the newest archive has no newer one");
        else assert.is(links["next-archive"], newer, `${path} links back to ${newer}`);
        const feed = parseFeed(xml);
        assert.ok(feed.items.length > 0, `${path} has entries`);
        seen.push(...feed.items.map((i) => i.title ?? ""));
        newer = url;
        first = false;
        url = links["prev-archive"];
        assert.ok(seen.length <= 7, `${format}: the walk ends`);
      }
      assert.equal(
        walked,
        [`/archive/2019/03/${name}`, `/archive/2019/01/${name}`],
        `${format}: February is skipped`,
      );
      assert.equal(
        seen,
        ["H0", "H1", "H2", "H3", "H4", "H5", "H6"],
        `${format}: every article once, newest first`,
      );
    }
    const january = parseFeed(fileAt(files, "/archive/2019/01/atom.xml"));
    assert.is(january.items.length, 5, "an archive holds its whole month, beyond feedLimit");
    assert.is(january.updated?.toISOString(), "2019-01-31T12:00:00.000Z", "dated by its own newest entry");
    assert.match(
      fileAt(files, "/archive/2019/01/feed.xml"),
      "<link>https://example.org/digest/archive/2019/01/</link>",
    );
  },
);

render("a site without articles has no archive feeds and no prev-archive link", () => {
  const files = [...renderFeeds(config, [])];
  assert.not.ok(files.some((f) => f.path.startsWith("/archive/")));
  assert.not.match(fileAt(files, "/atom.xml"), "prev-archive");
  assert.not.match(fileAt(files, "/feed.xml"), "prev-archive");
});

render(
  "past months' archives are byte-identical after new articles; the newest gains only its next-archive link",
  () => {
    const before = [...renderFeeds(config, history())];
    const newer = [
      makeArticle({ title: "May", slug: "may", date: new Date("2019-05-02T12:00:00Z"), tags: [] }),
      ...history(),
    ];
    const after = [...renderFeeds(config, newer)];
    for (const name of ["feed.xml", "atom.xml"]) {
      const path = `/archive/2019/01/${name}`;
      assert.is(fileAt(after, path), fileAt(before, path), `${path} never changes`);
    }
    // March was the newest archive: RFC 5005 adds its next-archive link once a newer archive exists, and
    // nothing else changes (its entries stay those of March).
    for (const [name, line] of [
      [
        "feed.xml",
        '<atom:link rel="next-archive" href="https://example.org/digest/archive/2019/05/feed.xml" type="application/rss+xml"/>',
      ],
      [
        "atom.xml",
        '<link rel="next-archive" href="https://example.org/digest/archive/2019/05/atom.xml" type="application/atom+xml"/>',
      ],
    ] as const) {
      const old = fileAt(before, `/archive/2019/03/${name}`).split("\n");
      const now = fileAt(after, `/archive/2019/03/${name}`).split("\n");
      const added = now.filter((l) => !old.includes(l)).map((l) => l.trim());
      assert.equal(added, [line], `/archive/2019/03/${name} gains its next-archive link`);
      assert.equal(
        old.filter((l) => !now.includes(l)),
        [],
        `/archive/2019/03/${name} loses nothing`,
      );
    }
    const paths = after.map((f) => f.path).filter((p) => p.startsWith("/archive/"));
    assert.ok(paths.includes("/archive/2019/05/atom.xml"));
    assert.not.ok(paths.includes("/archive/2019/04/atom.xml"), "April, empty, has no archive");
    // The same articles give the same bytes, whatever the build's date: nothing depends on the clock.
    assert.equal([...renderFeeds(config, newer)], after);
  },
);

render("with a hub, subscription feeds link it for WebSub and archives do not", () => {
  const hub = "https://hub.example.net/?a=1&b=2";
  const files = [...renderFeeds({ ...config, feeds: { hub } }, history())];
  for (const path of ["/feed.xml", "/tags/iran/feed.xml", "/sources/iran-focus/feed.xml"].filter((p) =>
    files.some((f) => f.path === p),
  )) {
    assert.match(
      fileAt(files, path),
      '<atom:link href="https://hub.example.net/?a=1&amp;b=2" rel="hub"/>',
      path,
    );
  }
  for (const path of ["/atom.xml", "/sources/iran-focus/atom.xml"]) {
    assert.match(fileAt(files, path), '<link rel="hub" href="https://hub.example.net/?a=1&amp;b=2"/>', path);
    assert.is(wellFormed(fileAt(files, path)), null);
  }
  assert.equal(JSON.parse(fileAt(files, "/feed.json")).hubs, [{ type: "WebSub", url: hub }]);
  assert.is(jsonFeedErrors(JSON.parse(fileAt(files, "/feed.json"))), null);
  assert.not.match(fileAt(files, "/archive/2019/01/atom.xml"), 'rel="hub"');
  const without = [...renderFeeds(config, history())];
  assert.not.match(fileAt(without, "/atom.xml"), 'rel="hub"');
  assert.is(JSON.parse(fileAt(without, "/feed.json")).hubs, undefined);
});

render("the issues feed has one Atom entry per issue, linking its web version", () => {
  const issues = [2, 1].map((number) => ({
    number,
    url: `/newsletter/${number}/`,
    date: new Date(Date.UTC(2019, 1, number, 8)),
    subject: number === 2 ? "Issue <2> & more" : "Issue 1",
    preheader: `Preheader ${number}`,
    introHtml: number === 2 ? '<p>See <a href="/tags/iran/">Iran</a>.</p>' : null,
    entries: [{ title: "A <b>title</b>", url: "/2019/01/a/", source: "Source & Co" }],
  }));
  const files = [...renderFeeds(config, history(), { issues })];
  const xml = fileAt(files, "/newsletter/feed.xml");
  assert.is(wellFormed(xml), null);
  const feed = parseFeed(xml);
  assert.is(feed.self, "https://example.org/digest/newsletter/feed.xml");
  assert.equal(
    feed.items.map((i) => [i.title, i.url, i.id]),
    [
      [
        "Issue <2> & more",
        "https://example.org/digest/newsletter/2/",
        "https://example.org/digest/newsletter/2/",
      ],
      ["Issue 1", "https://example.org/digest/newsletter/1/", "https://example.org/digest/newsletter/1/"],
    ],
  );
  assert.is(feed.updated?.toISOString(), "2019-02-02T08:00:00.000Z");
  const content = xml;
  assert.match(content, '<a href="https://example.org/digest/tags/iran/">Iran</a>');
  assert.match(
    content,
    '<a href="https://example.org/digest/2019/01/a/">A &lt;b&gt;title&lt;/b&gt;</a> <span>(Source &amp; Co)</span>',
  );
  assert.is(feed.items[0]?.description, "Preheader 2");
  assert.not.ok([...renderFeeds(config, history())].some((f) => f.path === "/newsletter/feed.xml"));
});

render.run();

const links = suite("feedLinks");

links("gives the site's and a tag's absolute feed URLs", () => {
  assert.equal(feedLinks(config), {
    rss: "https://example.org/digest/feed.xml",
    atom: "https://example.org/digest/atom.xml",
    json: "https://example.org/digest/feed.json",
  });
  assert.is(
    feedLinks(config, { name: "Überwachung", slug: "überwachung" }).atom,
    "https://example.org/digest/tags/%C3%BCberwachung/atom.xml",
  );
});

links.run();
