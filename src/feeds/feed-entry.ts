import type { Article } from "../articles/article.ts";
import { absoluteUrl, tagUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { absolutizeHtml } from "./absolutize-html.ts";

/** One article as every feed format needs it: absolute URLs, content ready for readers. */
export interface FeedEntry {
  /** The absolute permalink: it never changes when the article is edited or the site rebuilt. */
  id: string;
  link: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** The body HTML with every URL absolute. */
  contentHtml: string;
  published: Date;
  updated: Date;
  /** Byline, else the source, else the publisher. */
  author: string;
  categories: { name: string; url: string }[];
  sourceUrl: string | null;
}

/** Builds the feed entry of an article. */
export function feedEntry(article: Article, config: SiteConfig): FeedEntry {
  const link = absoluteUrl(config, article.url);
  return {
    id: link,
    link,
    title: article.title,
    summary: article.summary,
    contentHtml: absolutizeHtml(article.html, link, config.url),
    published: article.date,
    updated: article.updated ?? article.date,
    author: article.byline ?? article.source?.name ?? config.publisher,
    categories: article.tags.map((tag) => ({ name: tag.name, url: absoluteUrl(config, tagUrl(tag.slug)) })),
    sourceUrl: article.sourceUrl,
  };
}
