import { createHmac } from "node:crypto";

/** Counts hits per key in fixed windows; `hit` says whether one more is allowed. */
export interface RateLimiter {
  /** Counts a hit for `key` at `now` (ms) and resolves false once the key is over its limit in this window. */
  hit(key: string, now: number): Promise<boolean>;
}

/** Where the counts live: the store's `hit` and `forgetHits` (in the database, shared by every instance). */
export interface HitCounter {
  hit(bucket: string, windowStart: string): Promise<number>;
  forgetHits(windowStart: string): Promise<void>;
}

/**
 * A fixed-window rate limiter over a shared counter: at most `limit` hits per key in each `windowMs`. The
 * counts are kept by `counter` (the subscriber store), so several instances behind one proxy share one
 * limit. Keys are stored as an HMAC under `secret`, so the database never holds a client's address. When a
 * window starts, the counts of older windows are dropped (once per window and instance, in the background;
 * a failure only leaves old rows for the next window to remove, and is reported to `onError`).
 */
export function createRateLimiter(
  counter: HitCounter,
  limit: number,
  windowMs: number,
  secret: string,
  onError: (e: unknown) => void = () => {},
): RateLimiter {
  let lastWindow = -1;
  return {
    async hit(key, now) {
      const start = now - (now % windowMs);
      const windowStart = new Date(start).toISOString();
      if (start !== lastWindow) {
        lastWindow = start;
        counter.forgetHits(windowStart).catch(onError);
      }
      const bucket = createHmac("sha256", secret).update(key).digest("base64url").slice(0, 32);
      return (await counter.hit(bucket, windowStart)) <= limit;
    },
  };
}
