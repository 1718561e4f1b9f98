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
    assert.match(xml, '<?xml-stylesheet href="/digest/feed.xsl" type="text/xsl"?>');
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
