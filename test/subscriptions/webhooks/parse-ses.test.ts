import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseSesNotification, parseSnsMessage } from "../../../src/subscriptions/webhooks/parse-ses.ts";
import { fixture } from "./fixture.ts";

const sns = suite("parseSnsMessage");
sns("a notification and a subscription confirmation; missing signed fields are errors", () => {
  const n = parseSnsMessage(fixture("ses-bounce.json"));
  assert.ok(n.ok && n.message.Type === "Notification");
  const c = parseSnsMessage(fixture("sns-subscription-confirmation.json"));
  assert.ok(c.ok && c.message.SubscribeURL?.startsWith("https://sns.us-east-1.amazonaws.com/"));
  const noId = JSON.parse(fixture("ses-bounce.json"));
  delete noId.MessageId;
  assert.equal(parseSnsMessage(JSON.stringify(noId)), {
    ok: false,
    message: "the SNS message has no MessageId",
  });
  assert.not.ok(parseSnsMessage('{"Type":"Other"}').ok);
});

const ses = suite("parseSesNotification");
ses("permanent bounce, transient bounce (named address) and complaint", () => {
  const events = ["ses-bounce.json", "ses-transient.json", "ses-complaint.json"].map((f) => {
    const m = parseSnsMessage(fixture(f));
    if (!m.ok) return m.message;
    const r = parseSesNotification(m.message.Message);
    return r.ok ? r.events.map((e) => [e.email, e.kind]) : r.message;
  });
  assert.equal(events, [
    [["jane@example.org", "hard-bounce"]],
    [["full@example.org", "soft-bounce"]],
    [["richard@example.com", "complaint"]],
  ]);
});
ses("a delivery gives nothing; a Message that is not JSON is an error", () => {
  assert.equal(parseSesNotification('{"notificationType":"Delivery","delivery":{}}'), {
    ok: true,
    events: [],
  });
  assert.not.ok(parseSesNotification("hello").ok);
});
sns.run();
ses.run();
