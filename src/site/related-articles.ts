import type { Article } from "../articles/article.ts";

/**
 * Up to `limit` related articles for each article: most shared tags first, then nearest date, then slug.
 * Only articles sharing at least one tag count. Works through a tag index and keeps the best few in one
 * pass, so the cost grows with the articles per tag, not with the square of the article count. Tags,
 * dates and slugs are turned into numbers first (tag ids, times, the slugs' sorted ranks), so the inner
 * loop compares numbers only: it runs for every pair of articles sharing a tag.
 */
export function relatedArticles(articles: readonly Article[], limit = 3): Map<string, Article[]> {
  const count = articles.length;
  const tagIds = new Map<string, number>();
  const members: number[][] = [];
  const tagsOf: number[][] = articles.map((article, i) =>
    article.tags.map((tag) => {
      let id = tagIds.get(tag.slug);
      if (id === undefined) {
        id = members.length;
        tagIds.set(tag.slug, id);
        members.push([]);
      }
      (members[id] as number[]).push(i);
      return id;
    }),
  );
  const lists = members.map((list) => Int32Array.from(list));
  const times = new Float64Array(count);
  articles.forEach((a, i) => {
    times[i] = a.date.getTime();
  });
  // The slugs' order as numbers: equal slugs get equal ranks, as `<` on the strings would see them.
  const bySlug = articles
    .map((a, i) => [a.slug, i] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Int32Array(count);
  bySlug.forEach(([slug, i], at) => {
    const before = bySlug[at - 1];
    rank[i] = at > 0 && before && before[0] === slug ? (rank[before[1]] as number) : at;
  });

  const shared = new Int32Array(count);
  const touched = new Int32Array(count);
  const best = new Int32Array(limit);
  const bestShared = new Int32Array(limit);
  const bestDistance = new Float64Array(limit);
  const related = new Map<string, Article[]>();
  for (let i = 0; i < count; i++) {
    let touchedCount = 0;
    for (const tag of tagsOf[i] as number[]) {
      const list = lists[tag] as Int32Array;
      for (let n = 0; n < list.length; n++) {
        const j = list[n] as number;
        if (j === i) continue;
        if (shared[j] === 0) touched[touchedCount++] = j;
        shared[j] = (shared[j] as number) + 1;
      }
    }
    const time = times[i] as number;
    let size = 0;
    for (let n = 0; n < touchedCount; n++) {
      const j = touched[n] as number;
      const sj = shared[j] as number;
      const dj = Math.abs((times[j] as number) - time);
      const rj = rank[j] as number;
      // Where j goes among the best so far (sorted best first); past the end: not among them.
      let at = size;
      while (at > 0) {
        const k = at - 1;
        const sk = bestShared[k] as number;
        const dk = bestDistance[k] as number;
        const above = sj !== sk ? sj > sk : dj !== dk ? dj < dk : rj < (rank[best[k] as number] as number);
        if (!above) break;
        at--;
      }
      if (at >= limit) continue;
      for (let m = Math.min(size, limit - 1); m > at; m--) {
        best[m] = best[m - 1] as number;
        bestShared[m] = bestShared[m - 1] as number;
        bestDistance[m] = bestDistance[m - 1] as number;
      }
      best[at] = j;
      bestShared[at] = sj;
      bestDistance[at] = dj;
      if (size < limit) size++;
    }
    for (let n = 0; n < touchedCount; n++) shared[touched[n] as number] = 0;
    const chosen: Article[] = [];
    for (let n = 0; n < size; n++) chosen.push(articles[best[n] as number] as Article);
    related.set((articles[i] as Article).slug, chosen);
  }
  return related;
}
