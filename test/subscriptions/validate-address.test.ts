import { suite } from "uvu";
import * as assert from "uvu/assert";
import { validateAddress } from "../../src/subscriptions/validate-address.ts";

const test = suite("validateAddress");

test("takes ordinary addresses and lower-cases them", () => {
  for (const [input, email] of [
    ["Reader@Example.ORG", "reader@example.org"],
    ["  a.b+news@mail.example.co.uk ", "a.b+news@mail.example.co.uk"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["x@xn--bcher-kva.example", "x@xn--bcher-kva.example"],
  ])
    assert.equal(validateAddress(input as string), { ok: true, email });
});

test("refuses what is legal but never a subscriber, and anything that could break a header", () => {
  for (const input of [
    "",
    "plain",
    "@example.org",
    "a@",
    "a@localhost",
    "a@example",
    "a@example.1",
    "a..b@example.org",
    ".a@example.org",
    "a.@example.org",
    '"quoted"@example.org',
    "a@[127.0.0.1]",
    "a b@example.org",
    "a@exa mple.org",
    "a@-example.org",
    "a@example-.org",
    "a@example..org",
    "a@example.org\r\nBcc: victim@example.org",
    "a,b@example.org",
    "a<b>@example.org",
    "ünï@example.org",
    `${"a".repeat(65)}@example.org`,
    `a@${"b".repeat(250)}.org`,
  ]) {
    const result = validateAddress(input);
    assert.not.ok(result.ok, input);
    if (!result.ok) assert.ok(result.reason.length > 0);
  }
});

test.run();
