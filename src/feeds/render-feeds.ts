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
   * @deprecated Ignored: no feed depends on the clock any more (archive documents exist for the months that
   * have articles). Accepted so that callers passing the build's clock still compile; drop it there.
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

/** One feed file before it is rendered: its path, the data it is made of (for the build cache), its renderer. */
export interface FeedPlan {
  path: string;
  /**
   * Everything the file shows besides the configuration: its kind, its articles (or issues) and, for an
   * archive, its month and neighbours. Equal inputs give equal bytes.
   */
  inputs: { kind: string; articles: readonly Article[]; [more: string]: unknown };
  render(): string;
  /** Drops the entries made for these articles (shared by all the plans): no feed still to render shows them. */
  forget(articles: readonly Article[]): void;
}

/**
 * Every feed of the site, planned but not rendered: RSS, Atom and JSON Feed for the site (the newest
 * `feedLimit` entries); RSS and Atom per tag and per source (likewise); RSS and Atom per calendar month that
 * has articles (RFC 5005 archives, each complete for its month and linked to the nearest older and newer
 * months with articles, the site feeds linking the newest); and the Atom feed of newsletter issues when
 * `options.issues` is given. `articles` are the published articles, newest first. Each article's entry (and
 * its absolutised HTML) is made once, when a feed that lists it is rendered, and shared by all its feeds.
 * Nothing depends on the build time: a month's archive changes only when its own articles do, or once when
 * it is the newest archive and a later month gets its first article (it then gains its `next-archive`
 * link, as RFC 5005 §4 has it); every older archive is byte-identical in every later build.
 */
export function planFeeds(
  config: SiteConfig,
  articles: readonly Article[],
  options: RenderFeedsOptions = {},
): FeedPlan[] {
  const entries = new Map<Article, FeedEntry>();
  const entryOf = (article: Article): FeedEntry => {
    let entry = entries.get(article);
    if (!entry) {
      entry = feedEntry(article, config);
      entries.set(article, entry);
    }
    return entry;
  };
  const forget = (list: readonly Article[]): void => {
    for (const article of list) entries.delete(article);
  };
  const plans: FeedPlan[] = [];
  const xml = (
    folder: string,
    list: readonly Article[],
    info: (items: FeedEntry[]) => FeedMeta,
    extra: Record<string, unknown>,
  ): void => {
    for (const [kind, name] of [
      ["rss", "feed.xml"],
      ["atom", "atom.xml"],
    ] as const) {
      plans.push({
        path: `${folder}${name}`,
        inputs: { kind, articles: list, ...extra },
        forget,
        render: () => {
          const items = list.map(entryOf);
          return kind === "rss" ? renderRss(info(items), items) : renderAtom(info(items), items);
        },
      });
    }
  };

  const months = archiveMonths(articles, config.timeZone);
  const monthUrls = (m: ArchiveFeedMonth | undefined): XmlFeedUrls | null =>
    m ? xmlFeedUrls(config, archiveUrl(m.year, m.month)) : null;
  const current = xmlFeedUrls(config, "/");

  const newest = articles.slice(0, config.feedLimit);
  const prev = monthUrls(months[0]);
  const site = (items: FeedEntry[]): FeedMeta => ({
    ...meta(config, items, { title: config.title, description: config.description, page: "/", folder: "/" }),
    history: { archive: false, prev, next: null, current: null },
  });
  xml("/", newest, site, { prev });
  plans.push({
    path: "/feed.json",
    inputs: { kind: "json", articles: newest },
    forget,
    render: () => {
      const items = newest.map(entryOf);
      return renderJsonFeed(site(items), items);
    },
  });

  for (const { key: tag, articles: tagged } of groupBy(articles, (a) => a.tags, config.feedLimit)) {
    const folder = tagUrl(tag.slug);
    const about = {
      title: `${config.title}: ${tag.name}`,
      description: `Articles tagged ${tag.name} in ${config.title}`,
      page: folder,
      folder,
    };
    xml(folder, tagged, (items) => meta(config, items, about), { tag });
  }

  const sourcesOf = (a: Article): Source[] => (a.source ? [a.source] : []);
  for (const { key: source, articles: sourced } of groupBy(articles, sourcesOf, config.feedLimit)) {
    const folder = sourceUrl(source.slug);
    const about = {
      title: `${config.title}: ${source.name}`,
      description: `Articles from ${source.name} in ${config.title}`,
      page: folder,
      folder,
    };
    xml(folder, sourced, (items) => meta(config, items, about), { source });
  }

  for (const [i, month] of months.entries()) {
    const folder = archiveUrl(month.year, month.month);
    const history = {
      archive: true,
      prev: monthUrls(months[i + 1]),
      next: monthUrls(months[i - 1]),
      current,
    };
    const info = (items: FeedEntry[]): FeedMeta => {
      const label = formatMonth(month.year, month.month, config.timeZone, config.language);
      return {
        ...meta(config, items, {
          title: `${config.title}: ${label}`,
          description: `Every article of ${label} in ${config.title}`,
          page: folder,
          folder,
        }),
        // Archives are never pushed: their entries do not change once their month is over.
        hub: null,
        history,
      };
    };
    xml(folder, month.articles, info, { month: folder, history });
  }

  const issues = options.issues;
  if (issues) {
    plans.push({
      path: ISSUES_FEED_PATH,
      inputs: { kind: "issues", articles: [], issues },
      forget,
      render: () => {
        const list = issues.map((issue) => issueEntry(issue, config));
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
        return renderAtom(info, list);
      },
    });
  }
  return plans;
}

/**
 * Every feed of the site, rendered one file at a time (a generator, so a large site never holds them all).
 * `articles` are the published articles, newest first; see `planFeeds`.
 */
export function* renderFeeds(
  config: SiteConfig,
  articles: readonly Article[],
  options: RenderFeedsOptions = {},
): Generator<FeedFile> {
  for (const plan of planFeeds(config, articles, options)) yield { path: plan.path, contents: plan.render() };
}
