import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseRate } from "../../../src/newsletter/send/rate.ts";

const rate = suite("parseRate");
rate("per second, minute or hour", () => {
  assert.equal(parseRate("10/s"), { ok: true, perSecond: 10 });
  assert.equal(parseRate("600/min"), { ok: true, perSecond: 10 });
  assert.equal(parseRate("3600/h"), { ok: true, perSecond: 1 });
  assert.equal(parseRate("5"), { ok: true, perSecond: 5 });
});
rate("anything else is a message", () => {
  for (const bad of ["fast", "0/s", "10/week", ""]) assert.not.ok(parseRate(bad).ok, bad);
});
rate.run();
