import { Feed, type Item } from "feed";
import type { FeedEntry } from "./feed-entry.ts";
import type { FeedMeta } from "./feed-meta.ts";
import { escapeHtml, forAttribute, forCdata, restoreXml, xmlSafe } from "./xml-text.ts";

function newFeed(meta: FeedMeta): Feed {
  return new Feed({
    title: xmlSafe(meta.title),
    description: xmlSafe(meta.description),
    id: meta.self.atom,
    link: meta.link,
    language: meta.language,
    updated: meta.updated,
    generator: "Gazette",
    copyright: `© ${xmlSafe(meta.publisher)}`,
    feedLinks: { rss: meta.self.rss, atom: meta.self.atom, json: meta.self.json },
    author: { name: xmlSafe(meta.publisher) },
    stylesheet: meta.stylesheet,
  });
}

/** RSS 2.0 with the `feed` package; item text is plain, description and content are HTML. */
export function renderRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = newFeed(meta);
  for (const entry of entries) {
    const item: Item = {
      title: forCdata(entry.title),
      id: entry.id,
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: forCdata(escapeHtml(entry.summary)),
      content: forCdata(entry.contentHtml),
      category: entry.categories.map((c) => ({ name: xmlSafe(c.name) })),
      // RSS <author> must be an email address (trap 4): a name goes in Dublin Core's dc:creator.
      extensions: [{ name: "dc:creator", objects: { _text: xmlSafe(entry.author) } }],
    };
    feed.addItem(item);
  }
  return restoreXml(feed.rss2());
}

/** Atom 1.0 with the `feed` package; titles and summaries are `type="html"`, so they are escaped as HTML. */
export function renderAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = newFeed(meta);
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
      author: [{ name: xmlSafe(entry.author) }],
      category: entry.categories.map((c) => ({ name: forAttribute(c.name), term: forAttribute(c.name) })),
    });
  }
  return restoreXml(feed.atom1());
}
