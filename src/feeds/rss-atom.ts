import { Feed, type Item } from "feed";
import type { FeedEntry } from "./feed-entry.ts";
import { addFeedHistory } from "./feed-history.ts";
import type { FeedMeta } from "./feed-meta.ts";
import { escapeHtml, forAttribute, forCdata, forText, restoreXml } from "./xml-text.ts";

/**
 * The feed-level fields, each text passed through `text` first: HTML escaping for RSS, plain XML-safe text
 * for Atom (whose feed title, subtitle, rights and names are plain text by RFC 4287). Both go through
 * `forText`, which keeps every `&` the writer would otherwise un-escape.
 */
function newFeed(meta: FeedMeta, text: (value: string) => string): Feed {
  return new Feed({
    title: text(meta.title),
    description: text(meta.description),
    id: meta.self.atom,
    link: meta.link,
    language: meta.language,
    updated: meta.updated,
    generator: "Gazette",
    copyright: text(`© ${meta.publisher}`),
    feedLinks: { rss: meta.self.rss, atom: meta.self.atom, json: meta.self.json },
    author: { name: text(meta.publisher) },
    ...(meta.hub ? { hub: meta.hub } : {}),
  });
}

/** RSS text: readers render every RSS text element as HTML, so it is escaped as HTML, then as XML. */
function rssText(value: string): string {
  return forText(escapeHtml(value));
}

/**
 * RSS 2.0 with the `feed` package. RSS does not say which elements hold HTML and readers render titles,
 * descriptions, categories and names as HTML, so every text (channel and item) is escaped as HTML first;
 * only `content:encoded` carries markup, the article's own rendered body.
 */
export function renderRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = newFeed(meta, rssText);
  for (const entry of entries) {
    const item: Item = {
      title: forCdata(escapeHtml(entry.title)),
      id: entry.id,
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: forCdata(escapeHtml(entry.summary)),
      content: forCdata(entry.contentHtml),
      category: entry.categories.map((c) => ({ name: rssText(c.name) })),
      // RSS <author> must be an email address (trap 4): a name goes in Dublin Core's dc:creator.
      extensions: [{ name: "dc:creator", objects: { _text: rssText(entry.author) } }],
      ...(entry.image
        ? { enclosure: { url: entry.image.url, type: entry.image.type, length: entry.image.length } }
        : {}),
    };
    feed.addItem(item);
  }
  return addFeedHistory(restoreXml(feed.rss2()), "rss", meta.history);
}

/**
 * Atom 1.0 with the `feed` package; entry titles and summaries are `type="html"`, so they are escaped as
 * HTML. The feed's title, subtitle and rights have no type (`text`: readers must show them as text), and
 * names and category labels are plain text by RFC 4287: those are XML-escaped text.
 */
export function renderAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = newFeed(meta, forText);
  for (const entry of entries) {
    feed.addItem({
      // `feed` passes the id through new URL(), which throws on anything else (trap 1): ids are permalinks.
      id: new URL(entry.id).href,
      title: forCdata(escapeHtml(entry.title)),
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: forCdata(escapeHtml(entry.summary)),
      content: forCdata(entry.contentHtml),
      author: [{ name: forText(entry.author) }],
      category: entry.categories.map((c) => ({ name: forAttribute(c.name), term: forAttribute(c.name) })),
      ...(entry.image ? { enclosure: { url: entry.image.url, length: entry.image.length } } : {}),
    });
  }
  return addFeedHistory(fixEnclosureTypes(restoreXml(feed.atom1()), entries), "atom", meta.history);
}

/**
 * `feed` writes an Atom enclosure's type from the file extension (`image/jpg`, which is no MIME type):
 * put each entry's real type back. Entries and enclosures come out in the same order.
 */
function fixEnclosureTypes(xml: string, entries: readonly FeedEntry[]): string {
  const types = entries.flatMap((e) => (e.image ? [e.image.type] : []));
  let i = 0;
  return xml.replace(/(<link rel="enclosure"[^>]*? type=")[^"]*(")/g, (_, start: string, end: string) => {
    const type = types[i++];
    return type ? `${start}${type}${end}` : `${start}${end}`;
  });
}
