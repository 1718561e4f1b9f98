import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseSendgrid } from "../../../src/subscriptions/webhooks/parse-sendgrid.ts";
import { fixture } from "./fixture.ts";

const test = suite("parseSendgrid");
test("bounce (hard), blocked (soft), spam report, dropped bounced address, unsubscribe; processed and deferred ignored", () => {
  const r = parseSendgrid(fixture("sendgrid-events.json"));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(
    r.events.map((e) => [e.email, e.kind]),
    [
      ["hard@example.org", "hard-bounce"],
      ["blocked@example.org", "soft-bounce"],
      ["reported@example.org", "complaint"],
      ["dropped@example.org", "hard-bounce"],
      ["unsub@example.org", "unsubscribe"],
    ],
  );
  assert.match(r.events[0]?.detail ?? "", "500 unknown recipient");
});
test("an object instead of an array, or junk, is an error", () => {
  assert.not.ok(parseSendgrid('{"event":"bounce"}').ok);
  assert.not.ok(parseSendgrid("<xml/>").ok);
  assert.equal(parseSendgrid('[{"event":"bounce","email":"not an address"}]'), { ok: true, events: [] });
});
test.run();
