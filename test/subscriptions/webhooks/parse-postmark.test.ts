import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parsePostmark } from "../../../src/subscriptions/webhooks/parse-postmark.ts";
import { fixture } from "./fixture.ts";

const test = suite("parsePostmark");
test("hard bounce, soft bounce, spam complaint and a suppressing subscription change", () => {
  const kinds = [
    "postmark-bounce.json",
    "postmark-soft-bounce.json",
    "postmark-spam-complaint.json",
    "postmark-subscription-change.json",
  ].map((f) => {
    const r = parsePostmark(fixture(f));
    return r.ok ? r.events.map((e) => [e.email, e.kind]) : r.message;
  });
  assert.equal(kinds, [
    [["john@example.org", "hard-bounce"]],
    [["soft@example.org", "soft-bounce"]],
    [["spammed@example.org", "complaint"]],
    [["left@example.org", "unsubscribe"]],
  ]);
  const hard = parsePostmark(fixture("postmark-bounce.json"));
  assert.ok(hard.ok && hard.events[0]?.detail.includes("550 5.1.1"));
});
test("delivery, auto-replies and a lifted suppression give nothing; junk is an error", () => {
  assert.equal(parsePostmark(JSON.stringify({ RecordType: "Delivery", Recipient: "a@example.org" })), {
    ok: true,
    events: [],
  });
  assert.equal(
    parsePostmark(JSON.stringify({ RecordType: "Bounce", Type: "AutoResponder", Email: "a@example.org" })),
    {
      ok: true,
      events: [],
    },
  );
  assert.equal(
    parsePostmark(
      JSON.stringify({
        RecordType: "SubscriptionChange",
        Recipient: "a@example.org",
        SuppressSending: false,
      }),
    ),
    { ok: true, events: [] },
  );
  assert.not.ok(parsePostmark("not json").ok);
  assert.not.ok(parsePostmark("[]").ok);
});
test.run();
