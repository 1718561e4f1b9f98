import { DateTime } from "luxon";
import type { Article, Source, Tag } from "../articles/article.ts";
import { absoluteUrl, archiveUrl, sourceUrl, tagUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { formatMonth } from "../shared/dates.ts";
import { type ArchiveFeedMonth, archiveMonths } from "./archive-months.ts";
import { type FeedEntry, feedEntry } from "./feed-entry.ts";
import { type FeedMeta, newestChange, type XmlFeedUrls } from "./feed-meta.ts";
import { type IssueForFeed, issueEntry } from "./issue-entry.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { renderAtom, renderRss } from "./rss-atom.ts";

/** One file of the feeds: a site-relative path (no prefix) and its text. */
export interface FeedFile {
  path: string;
  contents: string;
}

/** Site-relative path of the newsletter issues' Atom feed. */
export const ISSUES_FEED_PATH = "/newsletter/feed.xml";

/** The site's feed addresses, or one tag's (absolute URLs): for autodiscovery links and `rel="self"`. */
export function feedLinks(config: SiteConfig, tag?: Tag): { rss: string; atom: string; json: string } {
  return { ...xmlFeedUrls(config, tag ? tagUrl(tag.slug) : "/"), json: absoluteUrl(config, "/feed.json") };
}

/** `feed.xml` and `atom.xml` below a site-relative folder (`/`, `/tags/iran/`, `/archive/2019/01/`), absolute. */
export function xmlFeedUrls(config: SiteConfig, folder: string): XmlFeedUrls {
  return { rss: absoluteUrl(config, `${folder}feed.xml`), atom: absoluteUrl(config, `${folder}atom.xml`) };
}

export interface RenderFeedsOptions {
  /** The newsletter's issues, newest first: the issues feed. None: no issues feed is written. */
  issues?: readonly IssueForFeed[];
  /**
   * The clock: its month (in the site's zone) is the newest month of the archive feeds. Default: the
   * newest article's date, so output depends on the articles alone.
   */
  now?: Date;
}

function meta(
  config: SiteConfig,
  entries: FeedEntry[],
  about: { title: string; description: string; page: string; folder: string; updated?: Date },
): FeedMeta {
  return {
    title: about.title,
    description: about.description,
    language: config.language,
    link: absoluteUrl(config, about.page),
    self: { ...xmlFeedUrls(config, about.folder), json: absoluteUrl(config, "/feed.json") },
    publisher: config.publisher,
    updated: newestChange(entries, about.updated),
    hub: config.feeds.hub,
  };
}

function groupBy<K extends { slug: string }>(
  articles: readonly Article[],
  keys: (article: Article) => K[],
  limit: number,
): { key: K; articles: Article[] }[] {
  const groups = new Map<string, { key: K; articles: Article[] }>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const group = groups.get(key.slug) ?? { key, articles: [] };
      if (group.articles.length < limit) group.articles.push(article);
      groups.set(key.slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => (a.key.slug < b.key.slug ? -1 : 1));
}

/**
 * Every feed of the site, one file at a time (a generator, so a large site never holds them all): RSS,
 * Atom and JSON Feed for the site (the newest `feedLimit` entries); RSS and Atom per tag and per source
 * (likewise); RSS and Atom per calendar month (RFC 5005 archives, each complete for its month and linked
 * to its neighbours, the site feeds linking the newest); and the Atom feed of newsletter issues.
 * `articles` are the published articles, newest first. Each article's entry (and its absolutised HTML)
 * is made once and shared by all its feeds. Nothing depends on the build time but the archive's newest
 * month, so a past month's archive is byte-identical in every later build.
 */
export function* renderFeeds(
  config: SiteConfig,
  articles: readonly Article[],
  options: RenderFeedsOptions = {},
): Generator<FeedFile> {
  const entries = new Map<Article, FeedEntry>();
  const entryOf = (article: Article): FeedEntry => {
    let entry = entries.get(article);
    if (!entry) {
      entry = feedEntry(article, config);
      entries.set(article, entry);
    }
    return entry;
  };
  const months = archiveMonths(articles, config.timeZone, options.now ?? articles[0]?.date ?? new Date(0));
  const monthFolder = (m: ArchiveFeedMonth | undefined) => (m ? archiveUrl(m.year, m.month) : null);
  const monthUrls = (m: ArchiveFeedMonth | undefined) => {
    const folder = monthFolder(m);
    return folder ? xmlFeedUrls(config, folder) : null;
  };
  const current = xmlFeedUrls(config, "/");

  const newest = articles.slice(0, config.feedLimit).map(entryOf);
  const site: FeedMeta = {
    ...meta(config, newest, { title: config.title, description: config.description, page: "/", folder: "/" }),
    history: { archive: false, prev: monthUrls(months[0]), next: null, current: null },
  };
  yield { path: "/feed.xml", contents: renderRss(site, newest) };
  yield { path: "/atom.xml", contents: renderAtom(site, newest) };
  yield { path: "/feed.json", contents: renderJsonFeed(site, newest) };

  for (const { key: tag, articles: tagged } of groupBy(articles, (a) => a.tags, config.feedLimit)) {
    const list = tagged.map(entryOf);
    const folder = tagUrl(tag.slug);
    const info = meta(config, list, {
      title: `${config.title}: ${tag.name}`,
      description: `Articles tagged ${tag.name} in ${config.title}`,
      page: folder,
      folder,
    });
    yield { path: `${folder}feed.xml`, contents: renderRss(info, list) };
    yield { path: `${folder}atom.xml`, contents: renderAtom(info, list) };
  }

  const sourcesOf = (a: Article): Source[] => (a.source ? [a.source] : []);
  for (const { key: source, articles: sourced } of groupBy(articles, sourcesOf, config.feedLimit)) {
    const list = sourced.map(entryOf);
    const folder = sourceUrl(source.slug);
    const info = meta(config, list, {
      title: `${config.title}: ${source.name}`,
      description: `Articles from ${source.name} in ${config.title}`,
      page: folder,
      folder,
    });
    yield { path: `${folder}feed.xml`, contents: renderRss(info, list) };
    yield { path: `${folder}atom.xml`, contents: renderAtom(info, list) };
  }

  for (const [i, month] of months.entries()) {
    const list = month.articles.map(entryOf);
    const folder = archiveUrl(month.year, month.month);
    const label = formatMonth(month.year, month.month, config.timeZone, config.language);
    const start = DateTime.fromObject(
      { year: month.year, month: month.month, day: 1 },
      { zone: config.timeZone },
    );
    const info: FeedMeta = {
      ...meta(config, list, {
        title: `${config.title}: ${label}`,
        description: `Every article of ${label} in ${config.title}`,
        // A month without articles has no archive page: its feed belongs to the archive's index.
        page: list.length ? folder : "/archive/",
        folder,
        updated: start.toJSDate(),
      }),
      // Archives are never pushed: they do not change once their month is over.
      hub: null,
      history: { archive: true, prev: monthUrls(months[i + 1]), next: monthUrls(months[i - 1]), current },
    };
    yield { path: `${folder}feed.xml`, contents: renderRss(info, list) };
    yield { path: `${folder}atom.xml`, contents: renderAtom(info, list) };
  }

  if (options.issues) {
    const list = options.issues.map((issue) => issueEntry(issue, config));
    const info: FeedMeta = {
      ...meta(config, list, {
        title: `${config.title}: newsletter`,
        description: `Every issue of the ${config.title} newsletter, each linking its web version`,
        page: "/newsletter/",
        folder: "/newsletter/",
      }),
      self: {
        rss: absoluteUrl(config, ISSUES_FEED_PATH),
        atom: absoluteUrl(config, ISSUES_FEED_PATH),
        json: absoluteUrl(config, "/feed.json"),
      },
    };
    yield { path: ISSUES_FEED_PATH, contents: renderAtom(info, list) };
  }
}
