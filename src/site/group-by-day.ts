import type { Article } from "../articles/article.ts";
import { dayKey } from "../shared/dates.ts";

/** Articles published on one calendar day of the site's time zone. */
export interface DayGroup {
  /** `2019-01-31`. */
  day: string;
  /** The first article's date, for formatting the heading. */
  date: Date;
  articles: Article[];
}

/** Groups articles (already newest first) under one entry per calendar day in the site's time zone. */
export function groupByDay(articles: readonly Article[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const article of articles) {
    const day = dayKey(article.date, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.articles.push(article);
    else groups.push({ day, date: article.date, articles: [article] });
  }
  return groups;
}
