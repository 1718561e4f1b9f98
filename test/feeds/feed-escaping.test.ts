// Everything a feed reader renders as HTML is escaped as HTML first, in every field of every format.
// Each feed is parsed back twice: as XML (what a reader gets before it renders: no live markup), and with
// a feed parser (what a reader shows: the text intact).
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { escapeJsonMarkup, renderJsonFeed } from "../../src/feeds/json-feed.ts";
import { renderFeeds } from "../../src/feeds/render-feeds.ts";
import { renderAtom, renderRss } from "../../src/feeds/rss-atom.ts";
import { makeArticle, makeConfig } from "../factories.ts";
import { fileAt, jsonFeedErrors, wellFormed } from "./feed-helpers.ts";

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(2)">',
  "]]><b>cdata</b>",
  "&lt;i&gt;entity&lt;/i&gt; & AT&T",
  "</title><title>",
];

/** Every text field of the feeds carries one hostile string, tagged with its field so a mix-up shows. */
function hostileFeeds(hostile: string) {
  const config = makeConfig({
    title: `Site ${hostile}`,
    description: `About ${hostile}`,
    publisher: `Press ${hostile}`,
  });
  const withByline = makeArticle({
    title: `Title ${hostile}`,
    slug: "one",
    summary: `Summary ${hostile}`,
    byline: `Byline ${hostile}`,
    tags: [{ name: `Tag ${hostile}`, slug: "tag" }],
  });
  const withSource = makeArticle({
    title: `Second ${hostile}`,
    slug: "two",
    byline: null,
    source: { name: `Source ${hostile}`, slug: "source" },
    tags: [{ name: `Tag ${hostile}`, slug: "tag" }],
  });
  return { config, files: [...renderFeeds(config, [withByline, withSource])] };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });

/** The text of an element as a reader gets it after XML parsing: CDATA and entities resolved, once. */
function textOf(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (node && typeof node === "object" && "#text" in node)
    return String((node as { "#text": unknown })["#text"]);
  return "";
}

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const rss = suite("renderRss");

rss("every channel and item text is HTML-escaped, and reads back intact", () => {
  for (const hostile of HOSTILE) {
    const { files } = hostileFeeds(hostile);
    for (const path of ["/feed.xml", "/tags/tag/feed.xml"]) {
      const text = fileAt(files, path);
      assert.is(wellFormed(text), null, `${path}: ${hostile}`);
      const channel = xml.parse(text).rss.channel;
      const fields: [string, unknown][] = [
        ["channel title", channel.title],
        ["channel description", channel.description],
        ["copyright", channel.copyright],
      ];
      for (const item of asList(channel.item)) {
        fields.push(["item title", item.title], ["item description", item.description]);
        fields.push(["dc:creator", item["dc:creator"]]);
        for (const category of asList(item.category)) fields.push(["category", category]);
      }
      for (const [name, node] of fields) {
        const value = textOf(node);
        assert.ok(value.length > 0, `${path} ${name} is present`);
        assert.not.ok(/[<>"]/.test(value), `${path} ${name} is escaped HTML: ${value}`);
      }
      const parsed = parseFeed(text);
      assert.is(parsed.title, `Site ${hostile}${path === "/feed.xml" ? "" : `: Tag ${hostile}`}`);
      assert.is(
        parsed.description,
        path === "/feed.xml" ? `About ${hostile}` : `Articles tagged Tag ${hostile} in Site ${hostile}`,
      );
      assert.is(parsed.items[0]?.title, `Title ${hostile}`);
      assert.is(parsed.items[0]?.description, `Summary ${hostile}`);
      assert.equal(
        parsed.items[0]?.categories.map((c) => c.label),
        [`Tag ${hostile}`],
      );
      assert.equal(
        parsed.items[0]?.authors.map((a) => a.name),
        [`Byline ${hostile}`],
      );
      assert.equal(
        parsed.items[1]?.authors.map((a) => a.name),
        [`Source ${hostile}`],
      );
    }
  }
});

rss("the per-tag channel description never carries a live tag (the reported case)", () => {
  const { config } = hostileFeeds("");
  const text = renderRss(
    {
      title: "T",
      description: "Articles tagged <script>alert(1)</script> in T",
      language: "en",
      link: config.url,
      self: { rss: `${config.url}feed.xml`, atom: `${config.url}atom.xml`, json: `${config.url}feed.json` },
      stylesheet: "/feed.xsl",
      publisher: "P",
      updated: new Date(0),
    },
    [],
  );
  assert.not.ok(text.includes("<script"), text);
  assert.is(
    textOf(xml.parse(text).rss.channel.description),
    "Articles tagged &lt;script&gt;alert(1)&lt;/script&gt; in T",
  );
});

rss.run();

const atom = suite("renderAtom");

atom("entry titles and summaries are escaped HTML; plain-text fields are text; all read back intact", () => {
  for (const hostile of HOSTILE) {
    const { files } = hostileFeeds(hostile);
    for (const path of ["/atom.xml", "/tags/tag/atom.xml"]) {
      const text = fileAt(files, path);
      assert.is(wellFormed(text), null, `${path}: ${hostile}`);
      assert.not.ok(
        /<(script|img|b|i)\b/.test(text.replace(/<content type="html">[\s\S]*?<\/content>/g, "")),
        path,
      );
      const feed = xml.parse(text).feed;
      for (const entry of asList(feed.entry)) {
        assert.is(entry.title["@type"], "html");
        assert.is(entry.summary["@type"], "html");
        for (const node of [entry.title, entry.summary])
          assert.not.ok(/[<>"]/.test(textOf(node)), `${path}: ${textOf(node)}`);
      }
      // Plain text by RFC 4287: the XML text is the value itself.
      const first = asList(feed.entry)[0];
      assert.is(textOf(first.author.name), `Byline ${hostile}`);
      assert.is(first.category["@term"], `Tag ${hostile}`);
      assert.is(textOf(feed.title), `Site ${hostile}${path === "/atom.xml" ? "" : `: Tag ${hostile}`}`);
      assert.is(textOf(feed.subtitle).length > 0, true);
      // The type="html" fields, as a reader shows them.
      const parsed = parseFeed(text);
      assert.is(parsed.items[0]?.title, `Title ${hostile}`);
      assert.is(parsed.items[0]?.description, `Summary ${hostile}`);
    }
  }
});

atom("renders an empty feed", () => {
  const { config } = hostileFeeds("x");
  const text = renderAtom(
    {
      title: "<b>T</b>",
      description: "D",
      language: "en",
      link: config.url,
      self: { rss: `${config.url}feed.xml`, atom: `${config.url}atom.xml`, json: `${config.url}feed.json` },
      stylesheet: "/feed.xsl",
      publisher: "P",
      updated: new Date(0),
    },
    [],
  );
  assert.is(wellFormed(text), null);
  assert.not.ok(text.includes("<b>"));
});

atom.run();

const json = suite("renderJsonFeed");

json("no markup or line separator in the file as it is; every plain-text field parses back intact", () => {
  for (const hostile of [...HOSTILE, "line\u2028separator\u2029paragraph"]) {
    const { files } = hostileFeeds(hostile);
    const text = fileAt(files, "/feed.json");
    assert.not.ok(/[<>&\u2028\u2029]/.test(text), `raw JSON carries no markup: ${hostile}`);
    const feed = JSON.parse(text);
    assert.is(jsonFeedErrors(feed), null);
    assert.is(feed.title, `Site ${hostile}`);
    assert.is(feed.description, `About ${hostile}`);
    assert.equal(feed.authors[0].name, `Press ${hostile}`);
    assert.is(feed.items[0].title, `Title ${hostile}`);
    assert.is(feed.items[0].summary, `Summary ${hostile}`);
    assert.equal(feed.items[0].tags, [`Tag ${hostile}`]);
    assert.equal(feed.items[0].authors, [{ name: `Byline ${hostile}` }]);
    assert.equal(feed.items[1].authors, [{ name: `Source ${hostile}` }]);
    assert.match(feed.items[0].content_html, "<p>The first paragraph");
  }
  assert.type(renderJsonFeed, "function");
});

json.run();

const jsonEscape = suite("escapeJsonMarkup");

jsonEscape("escapes <, >, & and U+2028/U+2029 as \\u sequences, keeping the value", () => {
  const value = { a: "</script><!-- & \u2028\u2029" };
  const escaped = escapeJsonMarkup(JSON.stringify(value));
  assert.is(escaped, '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}');
  assert.equal(JSON.parse(escaped), value);
});

jsonEscape.run();
