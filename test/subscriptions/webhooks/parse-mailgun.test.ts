import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseMailgun } from "../../../src/subscriptions/webhooks/parse-mailgun.ts";
import { fixture } from "./fixture.ts";

const test = suite("parseMailgun");
test("permanent failure, temporary failure and complaint, with the signature block", () => {
  const out = [
    "mailgun-failed-permanent.json",
    "mailgun-failed-temporary.json",
    "mailgun-complained.json",
  ].map((f) => {
    const r = parseMailgun(fixture(f));
    return r.ok ? [r.events.map((e) => [e.email, e.kind]), r.signature?.token.length] : r.message;
  });
  assert.equal(out, [
    [[["alice@example.org", "hard-bounce"]], 50],
    [[["later@example.org", "soft-bounce"]], 50],
    [[["bob@example.org", "complaint"]], 50],
  ]);
});
test("delivered gives nothing; no event-data is an error", () => {
  assert.equal(parseMailgun('{"event-data":{"event":"delivered","recipient":"a@example.org"}}'), {
    ok: true,
    signature: null,
    events: [],
  });
  assert.not.ok(parseMailgun('{"signature":{}}').ok);
});
test.run();
