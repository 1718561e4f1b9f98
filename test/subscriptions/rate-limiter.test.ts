import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createRateLimiter } from "../../src/subscriptions/rate-limiter.ts";

const test = suite("createRateLimiter");
test("at most N hits per key and window; each key alone; a new window starts again", () => {
  const limiter = createRateLimiter(2, 1000);
  assert.equal([limiter.hit("a", 0), limiter.hit("a", 10), limiter.hit("a", 20)], [true, true, false]);
  assert.ok(limiter.hit("b", 30));
  assert.ok(limiter.hit("a", 1000));
  assert.ok(limiter.hit("a", 1500));
  assert.not.ok(limiter.hit("a", 1999));
});
test.run();
