import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkEmailSize } from "../../src/newsletter/check-size.ts";

const check = suite("checkEmailSize");

check("passes HTML under the limit", () => {
  assert.equal(checkEmailSize("x".repeat(1000), 20, "email.html", 2000), []);
});

check("fails HTML over the limit and suggests a --limit that fits", () => {
  const [d] = checkEmailSize("x".repeat(4000), 20, "email.html", 2000);
  assert.is(d?.code, "email/too-large");
  assert.match(d?.message ?? "", "Gmail");
  assert.match(d?.message ?? "", "--limit 9");
});

check("counts bytes, not characters", () => {
  assert.is(checkEmailSize("é".repeat(600), 1, "f", 1000).length, 1);
});

check.run();
