import { suite } from "uvu";
import * as assert from "uvu/assert";
import { clientIp } from "../../src/subscriptions/client-ip.ts";

const test = suite("clientIp");
test("believes the last X-Forwarded-For hop only from a trusted proxy", () => {
  assert.is(clientIp("127.0.0.1", "1.2.3.4, 203.0.113.9", "loopback"), "203.0.113.9");
  assert.is(clientIp("::ffff:127.0.0.1", "203.0.113.9", "loopback"), "203.0.113.9");
  assert.is(clientIp("198.51.100.1", "203.0.113.9", "loopback"), "198.51.100.1");
  assert.is(clientIp("198.51.100.1", "203.0.113.9", "always"), "203.0.113.9");
  assert.is(clientIp("127.0.0.1", "203.0.113.9", "never"), "127.0.0.1");
  assert.is(clientIp("127.0.0.1", undefined, "loopback"), "127.0.0.1");
});
test.run();
