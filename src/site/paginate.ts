/** One page of a paginated listing, with the URLs readers follow. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  previousUrl: string | null;
  nextUrl: string | null;
}

/** Splits a list into pages of `size`, with `urlOf(n)` giving page n's site-relative URL. An empty list has one empty page. */
export function paginate<T>(items: readonly T[], size: number, urlOf: (page: number) => string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
    url: urlOf(i + 1),
    previousUrl: i > 0 ? urlOf(i) : null,
    nextUrl: i + 1 < total ? urlOf(i + 2) : null,
  }));
}
