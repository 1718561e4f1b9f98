import type { Article } from "../articles/article.ts";

/** Is candidate `a` (sharing `sa` tags, `da` ms away) ranked above `b`? Most shared, nearest, then slug. */
function ranksAbove(
  articles: readonly Article[],
  a: number,
  sa: number,
  da: number,
  b: number,
  sb: number,
  db: number,
) {
  if (sa !== sb) return sa > sb;
  if (da !== db) return da < db;
  return (articles[a]?.slug ?? "") < (articles[b]?.slug ?? "");
}

/**
 * Up to `limit` related articles for each article: most shared tags first, then nearest date, then slug.
 * Only articles sharing at least one tag count. Works through a tag index and keeps the best few in one
 * pass, so the cost grows with the articles per tag, not with the square of the article count.
 */
export function relatedArticles(articles: readonly Article[], limit = 3): Map<string, Article[]> {
  const byTag = new Map<string, number[]>();
  articles.forEach((article, i) => {
    for (const tag of article.tags) {
      const list = byTag.get(tag.slug);
      if (list) list.push(i);
      else byTag.set(tag.slug, [i]);
    }
  });
  const times = articles.map((a) => a.date.getTime());
  const shared = new Int32Array(articles.length);
  const related = new Map<string, Article[]>();
  articles.forEach((article, i) => {
    const touched: number[] = [];
    for (const tag of article.tags) {
      for (const j of byTag.get(tag.slug) ?? []) {
        if (j === i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] ?? 0) + 1;
      }
    }
    const time = times[i] ?? 0;
    const best: number[] = [];
    for (const j of touched) {
      const sj = shared[j] ?? 0;
      const dj = Math.abs((times[j] ?? 0) - time);
      let at = best.length;
      while (at > 0) {
        const k = best[at - 1] ?? 0;
        if (!ranksAbove(articles, j, sj, dj, k, shared[k] ?? 0, Math.abs((times[k] ?? 0) - time))) break;
        at--;
      }
      if (at < limit) {
        best.splice(at, 0, j);
        if (best.length > limit) best.pop();
      }
    }
    for (const j of touched) shared[j] = 0;
    related.set(
      article.slug,
      best.map((j) => articles[j] as Article),
    );
  });
  return related;
}
