import type { Article, Tag } from "../articles/article.ts";
import { absoluteUrl, sitePath, tagUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { type FeedEntry, feedEntry } from "./feed-entry.ts";
import { type FeedMeta, newestChange } from "./feed-meta.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { renderAtom, renderRss } from "./rss-atom.ts";

/** One file of the feeds: a site-relative path (no prefix) and its text. */
export interface FeedFile {
  path: string;
  contents: string;
}

/** The site's feed addresses, or one tag's (absolute URLs): for autodiscovery links and `rel="self"`. */
export function feedLinks(config: SiteConfig, tag?: Tag): { rss: string; atom: string; json: string } {
  const base = tag ? tagUrl(tag.slug) : "/";
  return {
    rss: absoluteUrl(config, `${base}feed.xml`),
    atom: absoluteUrl(config, `${base}atom.xml`),
    json: absoluteUrl(config, "/feed.json"),
  };
}

function meta(config: SiteConfig, entries: FeedEntry[], tag?: Tag): FeedMeta {
  return {
    title: tag ? `${config.title}: ${tag.name}` : config.title,
    description: tag ? `Articles tagged ${tag.name} in ${config.title}` : config.description,
    language: config.language,
    link: absoluteUrl(config, tag ? tagUrl(tag.slug) : "/"),
    self: feedLinks(config, tag),
    stylesheet: sitePath(config, "/feed.xsl"),
    publisher: config.publisher,
    updated: newestChange(entries),
  };
}

/**
 * Every feed of the site, one file at a time (a generator, so a large site never holds them all): RSS,
 * Atom and JSON Feed for the site, RSS and Atom per tag. `articles` are the published articles, newest
 * first. Each article's entry (and its absolutised HTML) is made once and shared by all its feeds.
 */
export function* renderFeeds(config: SiteConfig, articles: readonly Article[]): Generator<FeedFile> {
  const entries = new Map<Article, FeedEntry>();
  const entryOf = (article: Article): FeedEntry => {
    let entry = entries.get(article);
    if (!entry) {
      entry = feedEntry(article, config);
      entries.set(article, entry);
    }
    return entry;
  };
  const newest = articles.slice(0, config.feedLimit).map(entryOf);
  const site = meta(config, newest);
  yield { path: "/feed.xml", contents: renderRss(site, newest) };
  yield { path: "/atom.xml", contents: renderAtom(site, newest) };
  yield { path: "/feed.json", contents: renderJsonFeed(site, newest) };

  const byTag = new Map<string, { tag: Tag; articles: Article[] }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const group = byTag.get(tag.slug) ?? { tag, articles: [] };
      if (group.articles.length < config.feedLimit) group.articles.push(article);
      byTag.set(tag.slug, group);
    }
  }
  for (const { tag, articles: tagged } of [...byTag.values()].sort((a, b) =>
    a.tag.slug < b.tag.slug ? -1 : 1,
  )) {
    const list = tagged.map(entryOf);
    const info = meta(config, list, tag);
    yield { path: `${tagUrl(tag.slug)}feed.xml`, contents: renderRss(info, list) };
    yield { path: `${tagUrl(tag.slug)}atom.xml`, contents: renderAtom(info, list) };
  }
}
