import type { Article, Source, Tag } from "../articles/article.ts";
import { archiveUrl, homeUrl, sourceUrl, tagUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { dayKey, formatMonth } from "../shared/dates.ts";
import { type DayGroup, groupByDay } from "./group-by-day.ts";
import { type Page, paginate } from "./paginate.ts";
import { relatedArticles } from "./related-articles.ts";

/** One article page: the article with its neighbours by date and its related articles. */
export interface ArticlePage {
  article: Article;
  /** The next older article. */
  older: Article | null;
  /** The next newer article. */
  newer: Article | null;
  related: Article[];
}

/** A page of a listing (home, a tag, a source, a month), its articles grouped by day. */
export interface ListingPage extends Page<Article> {
  days: DayGroup[];
  /** What the listing is of: null for the home page. */
  tag: Tag | null;
  source: Source | null;
  /** The lead story, set only on the home page's first page; it is not repeated in `days`. */
  lead: Article | null;
}

export interface TagSummary {
  tag: Tag;
  count: number;
  url: string;
}

export interface SourceSummary {
  source: Source;
  count: number;
  url: string;
}

export interface ArchiveMonth {
  year: number;
  month: number;
  /** `January 2019` in the site's language. */
  label: string;
  url: string;
  articles: Article[];
  days: DayGroup[];
}

export interface ArchiveYear {
  year: number;
  count: number;
  months: ArchiveMonth[];
}

/** Everything the templates need, computed once from the published articles. */
export interface SiteModel {
  articles: Article[];
  articlePages: ArticlePage[];
  homePages: ListingPage[];
  tags: TagSummary[];
  tagPages: ListingPage[];
  sources: SourceSummary[];
  sourcePages: ListingPage[];
  archive: ArchiveYear[];
  archiveMonths: ArchiveMonth[];
  /** The newest date of any published article (updated or published): the site's last change. */
  lastChange: Date | null;
}

function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) =>
    name(a).localeCompare(name(b), "en", { sensitivity: "base" }) || (name(a) < name(b) ? -1 : 1);
}

/** The newest change among articles: `updated` where set, else `date`. */
export function lastChangeOf(articles: readonly Article[]): Date | null {
  let newest: Date | null = null;
  for (const a of articles) {
    const changed = a.updated ?? a.date;
    if (newest === null || changed > newest) newest = changed;
  }
  return newest;
}

/** The home page's lead story: the newest article marked `featured: true`, else the newest article. */
export function leadStory(articles: readonly Article[]): Article | null {
  return articles.find((a) => a.featured) ?? articles[0] ?? null;
}

function listing(
  articles: Article[],
  config: SiteConfig,
  urlOf: (page: number) => string,
  of: { tag?: Tag; source?: Source; lead?: Article | null },
): ListingPage[] {
  return paginate(articles, config.perPage, urlOf).map((page) => {
    const lead = page.number === 1 ? (of.lead ?? null) : null;
    return {
      ...page,
      days: groupByDay(lead ? page.items.filter((a) => a !== lead) : page.items, config.timeZone),
      tag: of.tag ?? null,
      source: of.source ?? null,
      lead,
    };
  });
}

/**
 * Builds the whole site model from published articles (newest first). Every list is made in one pass over
 * the articles; no page has to walk all articles again.
 */
export function buildSiteModel(config: SiteConfig, articles: Article[]): SiteModel {
  const related = relatedArticles(articles);
  const articlePages = articles.map((article, i) => ({
    article,
    newer: articles[i - 1] ?? null,
    older: articles[i + 1] ?? null,
    related: related.get(article.slug) ?? [],
  }));

  const tagged = new Map<string, { tag: Tag; articles: Article[] }>();
  const sourced = new Map<string, { source: Source; articles: Article[] }>();
  const months = new Map<string, ArchiveMonth>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const entry = tagged.get(tag.slug);
      if (entry) entry.articles.push(article);
      else tagged.set(tag.slug, { tag, articles: [article] });
    }
    if (article.source) {
      const entry = sourced.get(article.source.slug);
      if (entry) entry.articles.push(article);
      else sourced.set(article.source.slug, { source: article.source, articles: [article] });
    }
    const key = dayKey(article.date, config.timeZone).slice(0, 7);
    const day = { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
    const month = months.get(key);
    if (month) month.articles.push(article);
    else {
      months.set(key, {
        year: day.year,
        month: day.month,
        label: formatMonth(day.year, day.month, config.timeZone, config.language),
        url: archiveUrl(day.year, day.month),
        articles: [article],
        days: [],
      });
    }
  }

  const tagList = [...tagged.values()].sort(byName((t) => t.tag.name));
  const sourceList = [...sourced.values()].sort(byName((s) => s.source.name));
  const archiveMonths = [...months.values()];
  for (const month of archiveMonths) month.days = groupByDay(month.articles, config.timeZone);
  const archive: ArchiveYear[] = [];
  for (const month of archiveMonths) {
    const year = archive[archive.length - 1];
    if (year && year.year === month.year) {
      year.months.push(month);
      year.count += month.articles.length;
    } else archive.push({ year: month.year, count: month.articles.length, months: [month] });
  }

  return {
    articles,
    articlePages,
    homePages: listing(articles, config, homeUrl, { lead: leadStory(articles) }),
    tags: tagList.map(({ tag, articles: list }) => ({ tag, count: list.length, url: tagUrl(tag.slug) })),
    tagPages: tagList.flatMap(({ tag, articles: list }) =>
      listing(list, config, (n) => tagUrl(tag.slug, n), { tag }),
    ),
    sources: sourceList.map(({ source, articles: list }) => ({
      source,
      count: list.length,
      url: sourceUrl(source.slug),
    })),
    sourcePages: sourceList.flatMap(({ source, articles: list }) =>
      listing(list, config, (n) => sourceUrl(source.slug, n), { source }),
    ),
    archive,
    archiveMonths,
    lastChange: lastChangeOf(articles),
  };
}
