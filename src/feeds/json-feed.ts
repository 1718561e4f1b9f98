import { Feed } from "feed";
import type { FeedEntry } from "./feed-entry.ts";
import type { FeedMeta } from "./feed-meta.ts";

interface JsonFeedAuthor {
  name?: string;
  url?: string;
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `feed` 6 writes version 1.0 (trap 5): a single
 * `author` and no `language`. Its output is upgraded here: `authors` arrays, `language`, the 1.1 version URL,
 * explicit dates of publication and change, and `external_url` for the original article. Title, summary,
 * tags and names are plain text in JSON Feed, `content_html` the article's rendered body.
 */
export function renderJsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = new Feed({
    title: meta.title,
    description: meta.description,
    id: meta.self.json,
    link: meta.link,
    copyright: `© ${meta.publisher}`,
    feedLinks: { json: meta.self.json },
    author: { name: meta.publisher, link: meta.link },
  });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: entry.summary,
      content: entry.contentHtml,
      author: [{ name: entry.author }],
      category: entry.categories.map((c) => ({ name: c.name })),
    });
  }
  const v1 = JSON.parse(feed.json1()) as Record<string, unknown> & {
    author?: JsonFeedAuthor;
    items: (Record<string, unknown> & { author?: JsonFeedAuthor })[];
  };
  const { author, items, ...rest } = v1;
  const upgraded = {
    ...rest,
    version: "https://jsonfeed.org/version/1.1",
    language: meta.language,
    // WebSub (https://www.jsonfeed.org/version/1.1/#top-level-a-name-top-level-a): where to subscribe for pushes.
    ...(meta.hub ? { hubs: [{ type: "WebSub", url: meta.hub }] } : {}),
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ author: itemAuthor, ...item }, i) => {
      const entry = entries[i];
      return {
        ...item,
        ...(itemAuthor ? { authors: [itemAuthor] } : {}),
        ...(entry?.sourceUrl ? { external_url: entry.sourceUrl } : {}),
        ...(entry?.image ? { image: entry.image.url } : {}),
      };
    }),
  };
  return `${escapeJsonMarkup(JSON.stringify(upgraded, null, 2))}\n`;
}

/**
 * Writes `<`, `>`, `&` and the line and paragraph separators U+2028/U+2029 in JSON text as `\u` escapes.
 * The parsed value is the same, but no markup appears in the file as it is: a reader or a page that
 * wrongly treats a plain-text field (title, summary, tags, names) as HTML, or embeds the JSON in a
 * `<script>`, never meets a live tag. The characters occur only inside JSON strings, so this is safe.
 */
export function escapeJsonMarkup(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
