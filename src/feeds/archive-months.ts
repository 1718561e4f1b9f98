import type { Article } from "../articles/article.ts";
import { dayKey } from "../shared/dates.ts";

/** One calendar month of the archive and its articles, newest first. */
export interface ArchiveFeedMonth {
  year: number;
  month: number;
  articles: Article[];
}

function monthKey(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/**
 * Every calendar month from the oldest article's to the current one (the clock's month in the site's zone,
 * or the newest article's if that is later), newest first, each with its articles. A month without
 * articles is still listed, so each month's neighbours are the calendar months before and after it: a
 * past month's archive links never change when a later month gets its first article. `articles` are newest
 * first; an empty site has no months.
 */
export function archiveMonths(articles: readonly Article[], timeZone: string, now: Date): ArchiveFeedMonth[] {
  if (articles.length === 0) return [];
  const byMonth = new Map<number, Article[]>();
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  for (const article of articles) {
    const day = dayKey(article.date, timeZone);
    const key = monthKey(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
    const list = byMonth.get(key);
    if (list) list.push(article);
    else byMonth.set(key, [article]);
    oldest = Math.min(oldest, key);
    newest = Math.max(newest, key);
  }
  const today = dayKey(now, timeZone);
  const current = Math.max(newest, monthKey(Number(today.slice(0, 4)), Number(today.slice(5, 7))));
  const months: ArchiveFeedMonth[] = [];
  for (let key = current; key >= oldest; key--) {
    months.push({ year: Math.floor(key / 12), month: (key % 12) + 1, articles: byMonth.get(key) ?? [] });
  }
  return months;
}
