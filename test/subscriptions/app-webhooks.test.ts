import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseSnsMessage } from "../../src/subscriptions/webhooks/parse-ses.ts";
import { snsStringToSign } from "../../src/subscriptions/webhooks/verify-sns.ts";
import { startHarness, WEBHOOK_SECRET } from "./service-harness.ts";
import { storeCases } from "./store-cases.ts";
import { fixture } from "./webhooks/fixture.ts";

const auth = (password: string) => `Basic ${Buffer.from(`provider:${password}`).toString("base64")}`;
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

/** Every address the samples name, as confirmed subscribers. */
const ADDRESSES = [
  "jane@example.org",
  "full@example.org",
  "richard@example.com",
  "john@example.org",
  "soft@example.org",
  "spammed@example.org",
  "left@example.org",
  "hard@example.org",
  "blocked@example.org",
  "reported@example.org",
  "dropped@example.org",
  "unsub@example.org",
  "processed@example.org",
  "deferred@example.org",
  "alice@example.org",
  "later@example.org",
  "bob@example.org",
];

for (const kind of storeCases()) {
  const hooks = suite(`createApp: webhooks (${kind.name})`);

  hooks("wrong or missing credentials: 401 and nothing changes", async () => {
    const h = await startHarness(kind);
    try {
      await h.store.import(
        [{ email: "john@example.org", status: "confirmed", name: null, topics: [] }],
        new Date(),
      );
      for (const headers of [
        {},
        { authorization: auth("wrong") },
        { authorization: `Bearer ${WEBHOOK_SECRET}` },
      ] as Record<string, string>[]) {
        const r = await post(`${h.base}webhooks/postmark`, fixture("postmark-bounce.json"), headers);
        assert.is(r.status, 401);
        assert.match(r.headers.get("www-authenticate") ?? "", "Basic");
      }
      assert.is((await h.store.get("john@example.org"))?.status, "confirmed");
      assert.is(
        (await post(`${h.base}webhooks/nope`, "{}", { authorization: auth(WEBHOOK_SECRET) })).status,
        404,
      );
    } finally {
      await h.close();
    }
  });

  hooks(
    "each provider's sample bounce and complaint suppresses the address; soft bounces count",
    async () => {
      const h = await startHarness(kind, { limits: { softBounceLimit: 2 } });
      try {
        await h.store.import(
          ADDRESSES.map((email) => ({ email, status: "confirmed" as const, name: null, topics: [] })),
          new Date(),
        );
        const samples: [string, string][] = [
          ["ses", "ses-bounce.json"],
          ["ses", "ses-transient.json"],
          ["ses", "ses-complaint.json"],
          ["postmark", "postmark-bounce.json"],
          ["postmark", "postmark-soft-bounce.json"],
          ["postmark", "postmark-spam-complaint.json"],
          ["postmark", "postmark-subscription-change.json"],
          ["sendgrid", "sendgrid-events.json"],
          ["mailgun", "mailgun-failed-permanent.json"],
          ["mailgun", "mailgun-failed-temporary.json"],
          ["mailgun", "mailgun-complained.json"],
        ];
        for (const [provider, file] of samples) {
          const r = await post(`${h.base}webhooks/${provider}`, fixture(file), {
            authorization: auth(WEBHOOK_SECRET),
            ...(provider === "ses"
              ? { "content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": "Notification" }
              : {}),
          });
          assert.is(r.status, 200, `${file}: ${await r.clone().text()}`);
        }
        const status = async (email: string) => (await h.store.get(email))?.status;
        const expected: Record<string, string> = {
          "jane@example.org": "bounced",
          "richard@example.com": "complained",
          "john@example.org": "bounced",
          "spammed@example.org": "complained",
          "left@example.org": "unsubscribed",
          "hard@example.org": "bounced",
          "reported@example.org": "complained",
          "dropped@example.org": "bounced",
          "unsub@example.org": "unsubscribed",
          "alice@example.org": "bounced",
          "bob@example.org": "complained",
          // One soft bounce each: counted, still confirmed.
          "full@example.org": "confirmed",
          "soft@example.org": "confirmed",
          "blocked@example.org": "confirmed",
          "later@example.org": "confirmed",
          "processed@example.org": "confirmed",
          "deferred@example.org": "confirmed",
        };
        for (const [email, want] of Object.entries(expected)) assert.is(await status(email), want, email);
        // A second soft bounce reaches the limit of 2.
        await post(`${h.base}webhooks/mailgun`, fixture("mailgun-failed-temporary.json"), {
          authorization: auth(WEBHOOK_SECRET),
        });
        assert.is(await status("later@example.org"), "bounced");
        // A suppressed address is never subscribed again by the form.
        await h.form("subscribe", { email: "jane@example.org" });
        await h.service.mail.drain();
        assert.is(await status("jane@example.org"), "bounced");
        assert.is(h.relay.delivered.length, 0);
      } finally {
        await h.close();
      }
    },
  );

  hooks(
    "SNS: signatures checked against the certificate; a subscription is confirmed by GET SubscribeURL",
    async () => {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
      const fetched: string[] = [];
      const h = await startHarness(kind, {
        settings: { snsVerify: true, snsTopics: ["arn:aws:sns:us-east-1:123456789012:gazette-ses"] },
        fetchText: async (url) => {
          fetched.push(url);
          return url.endsWith(".pem") ? pem : "<ConfirmSubscriptionResponse/>";
        },
      });
      const signed = (file: string, edit: (m: Record<string, string>) => void = () => {}) => {
        const parsed = parseSnsMessage(fixture(file));
        if (!parsed.ok) throw new Error(parsed.message);
        const m = parsed.message as unknown as Record<string, string>;
        edit(m);
        const algorithm = m.SignatureVersion === "1" ? "sha1" : "sha256";
        m.Signature = sign(algorithm, Buffer.from(snsStringToSign(parsed.message)), privateKey).toString(
          "base64",
        );
        return m;
      };
      const send = (m: Record<string, string>) =>
        post(`${h.base}webhooks/ses`, JSON.stringify(m), { authorization: auth(WEBHOOK_SECRET) });
      try {
        await h.store.import(
          [{ email: "jane@example.org", status: "confirmed", name: null, topics: [] }],
          new Date(),
        );
        const forged = signed("ses-bounce.json");
        forged.Message = forged.Message?.replace("jane@", "john@") ?? "";
        assert.is((await send(forged)).status, 401);
        const elsewhere = signed("ses-bounce.json", (m) => {
          m.SigningCertURL = "https://evil.example/cert.pem";
        });
        assert.is((await send(elsewhere)).status, 401);
        const otherTopic = signed("ses-bounce.json", (m) => {
          m.TopicArn = "arn:aws:sns:us-east-1:999999999999:other";
        });
        assert.is((await send(otherTopic)).status, 401);
        assert.is((await h.store.get("jane@example.org"))?.status, "confirmed");
        assert.is((await send(signed("ses-bounce.json"))).status, 200);
        assert.is((await h.store.get("jane@example.org"))?.status, "bounced");

        const confirmation = await send(signed("sns-subscription-confirmation.json"));
        assert.is(confirmation.status, 200);
        assert.ok(
          fetched.some((u) => u.includes("Action=ConfirmSubscription")),
          fetched.join("\n"),
        );
        assert.is(
          fetched.filter((u) => u.endsWith(".pem")).length,
          1,
          "the certificate is fetched once and kept",
        );
      } finally {
        await h.close();
      }
    },
  );

  hooks("SendGrid's ECDSA and Mailgun's HMAC signatures are checked when their keys are set", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const mailgunKey = "key-0123456789abcdef";
    const h = await startHarness(kind, {
      settings: {
        sendgridKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
        mailgunKey,
      },
    });
    try {
      await h.store.import(
        ["hard@example.org", "alice@example.org"].map((email) => ({
          email,
          status: "confirmed" as const,
          name: null,
          topics: [],
        })),
        new Date(),
      );
      const body = fixture("sendgrid-events.json");
      const ts = "1769529569";
      const headers = (signature: string) => ({
        authorization: auth(WEBHOOK_SECRET),
        "x-twilio-email-event-webhook-signature": signature,
        "x-twilio-email-event-webhook-timestamp": ts,
      });
      const bad = sign("sha256", Buffer.from(`${ts}[]`), privateKey).toString("base64");
      assert.is((await post(`${h.base}webhooks/sendgrid`, body, headers(bad))).status, 401);
      assert.is(
        (await post(`${h.base}webhooks/sendgrid`, body, { authorization: auth(WEBHOOK_SECRET) })).status,
        401,
      );
      assert.is((await h.store.get("hard@example.org"))?.status, "confirmed");
      const good = sign("sha256", Buffer.from(ts + body), privateKey).toString("base64");
      assert.is((await post(`${h.base}webhooks/sendgrid`, body, headers(good))).status, 200);
      assert.is((await h.store.get("hard@example.org"))?.status, "bounced");

      const unsigned = fixture("mailgun-failed-permanent.json");
      assert.is(
        (await post(`${h.base}webhooks/mailgun`, unsigned, { authorization: auth(WEBHOOK_SECRET) })).status,
        401,
      );
      assert.is((await h.store.get("alice@example.org"))?.status, "confirmed");
      const payload = JSON.parse(unsigned);
      payload.signature.signature = createHmac("sha256", mailgunKey)
        .update(payload.signature.timestamp + payload.signature.token)
        .digest("hex");
      assert.is(
        (
          await post(`${h.base}webhooks/mailgun`, JSON.stringify(payload), {
            authorization: auth(WEBHOOK_SECRET),
          })
        ).status,
        200,
      );
      assert.is((await h.store.get("alice@example.org"))?.status, "bounced");
    } finally {
      await h.close();
    }
  });

  hooks("webhooks are off (503) without GAZETTE_WEBHOOK_SECRET; junk is a 400", async () => {
    const off = await startHarness(kind, { settings: { webhookSecret: null } });
    try {
      assert.is((await post(`${off.base}webhooks/postmark`, fixture("postmark-bounce.json"))).status, 503);
    } finally {
      await off.close();
    }
    const h = await startHarness(kind);
    try {
      const r = await post(`${h.base}webhooks/sendgrid`, "{not json", {
        authorization: auth(WEBHOOK_SECRET),
      });
      assert.is(r.status, 400);
      assert.equal(await r.json(), { error: "the body is not JSON" });
    } finally {
      await h.close();
    }
  });

  hooks.run();
}
