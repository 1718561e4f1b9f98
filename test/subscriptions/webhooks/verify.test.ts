import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkBasicAuth } from "../../../src/subscriptions/webhooks/basic-auth.ts";
import { parseSnsMessage } from "../../../src/subscriptions/webhooks/parse-ses.ts";
import { verifyMailgunSignature } from "../../../src/subscriptions/webhooks/verify-mailgun.ts";
import { verifySendgridSignature } from "../../../src/subscriptions/webhooks/verify-sendgrid.ts";
import {
  isSnsUrl,
  snsStringToSign,
  verifySnsSignature,
} from "../../../src/subscriptions/webhooks/verify-sns.ts";
import { fixture } from "./fixture.ts";

const basic = suite("checkBasicAuth");
basic("any user name, the secret as password; anything else fails", () => {
  const header = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
  assert.ok(checkBasicAuth(header("postmark", "s3cret-s3cret"), "s3cret-s3cret"));
  assert.ok(checkBasicAuth(header("", "s3cret-s3cret"), "s3cret-s3cret"));
  assert.not.ok(checkBasicAuth(header("s3cret-s3cret", "x"), "s3cret-s3cret"));
  assert.not.ok(checkBasicAuth(undefined, "s3cret-s3cret"));
  assert.not.ok(checkBasicAuth("Bearer s3cret-s3cret", "s3cret-s3cret"));
  assert.not.ok(checkBasicAuth(header("u", ""), ""));
});

const sns = suite("verifySnsSignature");
sns("RSA signatures over the documented string, versions 1 (SHA1) and 2 (SHA256)", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  for (const [file, algorithm] of [
    ["ses-bounce.json", "sha256"],
    ["sns-subscription-confirmation.json", "sha1"],
  ] as const) {
    const parsed = parseSnsMessage(fixture(file));
    if (!parsed.ok) throw new Error(parsed.message);
    const m = parsed.message;
    m.Signature = sign(algorithm, Buffer.from(snsStringToSign(m)), privateKey).toString("base64");
    assert.ok(verifySnsSignature(m, pem), file);
    assert.not.ok(verifySnsSignature({ ...m, Message: `${m.Message} ` }, pem), `${file} altered`);
    assert.not.ok(verifySnsSignature({ ...m, SignatureVersion: "3" }, pem));
  }
  const notification = parseSnsMessage(fixture("ses-bounce.json"));
  if (notification.ok)
    assert.is(
      snsStringToSign(notification.message)
        .split("\n")
        .filter((_, k) => k % 2 === 0)
        .join(","),
      "Message,MessageId,Timestamp,TopicArn,Type,",
    );
});
sns("isSnsUrl: https on sns.<region>.amazonaws.com only", () => {
  assert.ok(isSnsUrl("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem"));
  assert.ok(isSnsUrl("https://sns.cn-north-1.amazonaws.com.cn/x.pem"));
  for (const url of [
    "http://sns.eu-west-1.amazonaws.com/x.pem",
    "https://sns.eu-west-1.amazonaws.com.evil.example/x.pem",
    "https://evil.example/sns.eu-west-1.amazonaws.com/x.pem",
    "https://sns.eu-west-1.amazonaws.com:8443/x.pem",
    "not a url",
  ])
    assert.not.ok(isSnsUrl(url), url);
});

const sendgrid = suite("verifySendgridSignature");
sendgrid("ECDSA P-256 over timestamp + body, key as SendGrid shows it (base64 DER) or PEM", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const der = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const body = fixture("sendgrid-events.json");
  const timestamp = "1769529569";
  const signature = sign("sha256", Buffer.from(timestamp + body), privateKey).toString("base64");
  assert.ok(verifySendgridSignature(der, body, signature, timestamp));
  assert.ok(verifySendgridSignature(pem, body, signature, timestamp));
  assert.not.ok(verifySendgridSignature(der, `${body} `, signature, timestamp));
  assert.not.ok(verifySendgridSignature(der, body, signature, "1769529570"));
  assert.not.ok(verifySendgridSignature(der, body, undefined, timestamp));
  assert.not.ok(verifySendgridSignature("not a key", body, signature, timestamp));
});

const mailgun = suite("verifyMailgunSignature");
mailgun("hex HMAC-SHA256 of timestamp + token under the signing key", () => {
  const key = "key-0123456789abcdef";
  const s = {
    timestamp: "1769529569",
    token: "e0b5477167110d68991efc6b9f89f0a11066af27834600e123",
    signature: "",
  };
  const good = {
    ...s,
    signature: createHmac("sha256", key)
      .update(s.timestamp + s.token)
      .digest("hex"),
  };
  assert.ok(verifyMailgunSignature(key, good));
  assert.not.ok(verifyMailgunSignature("other-key", good));
  assert.not.ok(verifyMailgunSignature(key, { ...good, timestamp: "1769529570" }));
  assert.not.ok(verifyMailgunSignature(key, null));
});

basic.run();
sns.run();
sendgrid.run();
mailgun.run();
