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

/** One feed file before it is rendered: its path, the data it is made of (for the build cache), its renderer. */
export interface FeedPlan {
  path: string;
  /** Everything the file shows: its kind, its tag, its articles. Equal inputs give equal bytes. */
  inputs: { kind: string; tag: Tag | null; articles: readonly Article[] };
  render(): string;
}

/**
 * Every feed of the site, planned but not rendered: RSS, Atom and JSON Feed for the site, RSS and Atom per
 * tag. `articles` are the published articles, newest first. Each article's entry (and its absolutised HTML)
 * is made once, when a feed that lists it is rendered, and shared by all its feeds.
 */
export function planFeeds(config: SiteConfig, articles: readonly Article[]): FeedPlan[] {
  const entries = new Map<Article, FeedEntry>();
  const entryOf = (article: Article): FeedEntry => {
    let entry = entries.get(article);
    if (!entry) {
      entry = feedEntry(article, config);
      entries.set(article, entry);
    }
    return entry;
  };
  const plans: FeedPlan[] = [];
  const add = (
    path: string,
    kind: "rss" | "atom" | "json",
    list: readonly Article[],
    tag: Tag | null,
  ): void => {
    plans.push({
      path,
      inputs: { kind, tag, articles: list },
      render: () => {
        const items = list.map(entryOf);
        const info = meta(config, items, tag ?? undefined);
        return kind === "rss"
          ? renderRss(info, items)
          : kind === "atom"
            ? renderAtom(info, items)
            : renderJsonFeed(info, items);
      },
    });
  };
  const newest = articles.slice(0, config.feedLimit);
  add("/feed.xml", "rss", newest, null);
  add("/atom.xml", "atom", newest, null);
  add("/feed.json", "json", newest, null);

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
    add(`${tagUrl(tag.slug)}feed.xml`, "rss", tagged, tag);
    add(`${tagUrl(tag.slug)}atom.xml`, "atom", tagged, tag);
  }
  return plans;
}

/**
 * Every feed of the site, rendered one file at a time (a generator, so a large site never holds them all).
 * `articles` are the published articles, newest first.
 */
export function* renderFeeds(config: SiteConfig, articles: readonly Article[]): Generator<FeedFile> {
  for (const plan of planFeeds(config, articles)) yield { path: plan.path, contents: plan.render() };
}
