/** Counts hits per key in fixed windows; `hit` says whether one more is allowed. */
export interface RateLimiter {
  /** Counts a hit for `key` at `now` (ms) and returns false once the key is over its limit in this window. */
  hit(key: string, now: number): boolean;
}

/**
 * A fixed-window rate limiter in memory (pure apart from its own state): at most `limit` hits per key in
 * each `windowMs`. Old windows are dropped as new ones start, so memory stays bounded by the keys of one
 * window. Each instance has its own counts: several instances behind one proxy each allow `limit`.
 */
export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    hit(key, now) {
      const start = now - (now % windowMs);
      if (start !== windowStart) {
        windowStart = start;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n <= limit;
    },
  };
}
