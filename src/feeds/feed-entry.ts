import type { Article } from "../articles/article.ts";
import { absoluteUrl, tagUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { imageType } from "../images/image-info.ts";
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
  /** The article's image: RSS `<enclosure>`, Atom `<link rel="enclosure">`, JSON Feed `image`. */
  image: FeedImage | null;
}

/** An image as feeds carry it. */
export interface FeedImage {
  /** Absolute URL: the ~1200 px copy of a local image, or the remote URL as given. */
  url: string;
  /** MIME type (`image/jpeg`). */
  type: string;
  /** Size in bytes; 0 when unknown (a remote image), as the RSS Advisory Board recommends. */
  length: number;
  alt: string;
}

/** The feed image of an article, or null. */
export function feedImage(article: Pick<Article, "image">, config: SiteConfig): FeedImage | null {
  const image = article.image;
  if (!image) return null;
  const { renditions } = image;
  const src = renditions?.src ?? image.src;
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(src)?.[1] ?? "";
  return {
    url: src.startsWith("/") ? absoluteUrl(config, src) : src,
    type: renditions?.fallback.type ?? imageType(extension) ?? "image/jpeg",
    length: renditions?.bytes ?? 0,
    alt: image.alt,
  };
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
    image: feedImage(article, config),
  };
}
