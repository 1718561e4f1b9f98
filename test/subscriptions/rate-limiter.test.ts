import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createRateLimiter, type HitCounter } from "../../src/subscriptions/rate-limiter.ts";

/** A counter in memory with the store's behaviour, recording what it was asked. */
function memoryCounter() {
  const rows = new Map<string, { windowStart: string; hits: number }>();
  const forgotten: string[] = [];
  const counter: HitCounter = {
    async hit(bucket, windowStart) {
      const row = rows.get(bucket);
      const hits = row && row.windowStart === windowStart ? row.hits + 1 : 1;
      rows.set(bucket, { windowStart, hits });
      return hits;
    },
    async forgetHits(windowStart) {
      forgotten.push(windowStart);
    },
  };
  return { counter, rows, forgotten };
}

const test = suite("createRateLimiter");
test("at most N hits per key and window; each key alone; a new window starts again", async () => {
  const { counter } = memoryCounter();
  const limiter = createRateLimiter(counter, 2, 1000, "secret");
  const a = [await limiter.hit("a", 0), await limiter.hit("a", 10), await limiter.hit("a", 20)];
  assert.equal(a, [true, true, false]);
  assert.ok(await limiter.hit("b", 30));
  assert.ok(await limiter.hit("a", 1000));
  assert.ok(await limiter.hit("a", 1500));
  assert.not.ok(await limiter.hit("a", 1999));
});
test("two limiters on one counter (two instances) share the limit", async () => {
  const { counter } = memoryCounter();
  const one = createRateLimiter(counter, 3, 60_000, "secret");
  const two = createRateLimiter(counter, 3, 60_000, "secret");
  const seen = [];
  for (let i = 0; i < 5; i++) seen.push(await (i % 2 ? two : one).hit("203.0.113.9", 1000 + i));
  assert.equal(seen, [true, true, true, false, false]);
});
test("the counter never sees the client address; old windows are forgotten once per window", async () => {
  const { counter, rows, forgotten } = memoryCounter();
  const limiter = createRateLimiter(counter, 5, 600_000, "secret");
  await limiter.hit("203.0.113.9", 0);
  await limiter.hit("203.0.113.9", 10);
  await limiter.hit("2001:db8::1", 600_000);
  for (const bucket of rows.keys()) {
    assert.not.match(bucket, "203.0.113");
    assert.not.match(bucket, "2001:db8");
  }
  assert.is(rows.size, 2);
  assert.equal(forgotten, ["1970-01-01T00:00:00.000Z", "1970-01-01T00:10:00.000Z"]);
  const other = createRateLimiter(counter, 5, 600_000, "another secret");
  await other.hit("203.0.113.9", 20);
  assert.is(rows.size, 3, "another secret gives another bucket");
});
test("a failure to forget old counts is reported, and the hit still counts", async () => {
  const { counter } = memoryCounter();
  const errors: unknown[] = [];
  const failing: HitCounter = { hit: counter.hit, forgetHits: async () => Promise.reject(new Error("down")) };
  const limiter = createRateLimiter(failing, 1, 1000, "secret", (e) => errors.push(e));
  assert.ok(await limiter.hit("a", 0));
  await new Promise((r) => setTimeout(r, 0));
  assert.is(errors.length, 1);
});
test.run();
