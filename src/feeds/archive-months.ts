import type { Article } from "../articles/article.ts";
import { dayKey } from "../shared/dates.ts";

/** One calendar month of the archive and its articles, newest first. */
export interface ArchiveFeedMonth {
  year: number;
  month: number;
  /** At least one. */
  articles: Article[];
}

/**
 * The calendar months (in the site's zone) that have at least one article, newest first, each with its
 * articles in the order given (`articles` are newest first). A month without articles has no archive
 * document: RFC 5005 (§4) links each archive to the *immediately preceding* and *following archive
 * document*, so the links of a month's neighbours skip the empty months, and an empty document would only
 * be one more file to fetch with nothing in it. Depends on the articles alone, not on the clock; an empty
 * site has no months.
 */
export function archiveMonths(articles: readonly Article[], timeZone: string): ArchiveFeedMonth[] {
  const byMonth = new Map<number, ArchiveFeedMonth>();
  for (const article of articles) {
    const day = dayKey(article.date, timeZone);
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7));
    const key = year * 12 + (month - 1);
    const found = byMonth.get(key);
    if (found) found.articles.push(article);
    else byMonth.set(key, { year, month, articles: [article] });
  }
  return [...byMonth.entries()].sort(([a], [b]) => b - a).map(([, month]) => month);
}
