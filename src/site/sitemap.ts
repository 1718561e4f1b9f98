import { absoluteUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { isoInZone } from "../shared/dates.ts";
import { lastChangeOf, type SiteModel } from "./site-model.ts";

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** ISO date-time of the page's last change. */
  lastmod: string;
}

/** A page outside the article model (subscribe, newsletter issues) to list in the sitemap. */
export interface ExtraPage {
  url: string;
  lastChange: Date | null;
}

/**
 * Every page of the site with the date it last changed: a listing changes when its newest article does,
 * an article page when the article is updated. Pages without articles take the site's last change.
 */
export function sitemapEntries(
  config: SiteConfig,
  model: SiteModel,
  extra: readonly ExtraPage[],
): SitemapEntry[] {
  const siteChange = model.lastChange ?? new Date(0);
  const entries: SitemapEntry[] = [];
  const add = (url: string, changed: Date | null): void => {
    entries.push({
      loc: absoluteUrl(config, url),
      lastmod: isoInZone(changed ?? siteChange, config.timeZone),
    });
  };
  for (const page of model.homePages) add(page.url, lastChangeOf(page.items));
  for (const page of model.articlePages) add(page.article.url, page.article.updated ?? page.article.date);
  add("/tags/", siteChange);
  for (const page of model.tagPages) add(page.url, lastChangeOf(page.items));
  add("/sources/", siteChange);
  for (const page of model.sourcePages) add(page.url, lastChangeOf(page.items));
  add("/archive/", siteChange);
  for (const month of model.archiveMonths) add(month.url, lastChangeOf(month.articles));
  for (const page of extra) add(page.url, page.lastChange);
  return entries;
}
