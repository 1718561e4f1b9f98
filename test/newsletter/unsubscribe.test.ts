import { createHmac } from "node:crypto";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  fillUnsubscribeUrl,
  listUnsubscribeHeaders,
  needsToken,
  recipientUnsubscribeUrl,
  secretProblem,
  unsubscribeToken,
} from "../../src/newsletter/unsubscribe.ts";

const token = suite("unsubscribeToken");

token("HMAC-SHA256 of the lower-cased address, base64url", () => {
  const expected = createHmac("sha256", "s3cret").update("ann@example.org").digest("base64url");
  assert.is(unsubscribeToken("Ann@Example.ORG", "s3cret"), expected);
  assert.not.match(expected, /[+/=]/);
  assert.is.not(unsubscribeToken("ann@example.org", "other"), expected);
});

token.run();

const secret = suite("secretProblem");

secret("32 bytes or more; otherwise how to make one", () => {
  assert.is(secretProblem("x".repeat(32)), null);
  assert.is(secretProblem("é".repeat(16)), null, "bytes, not characters");
  assert.match(secretProblem("x".repeat(31)) ?? "", "has 31 bytes (expected at least 32");
  assert.match(secretProblem("x".repeat(31)) ?? "", "openssl rand -base64 32");
  assert.match(secretProblem("") ?? "", "GAZETTE_UNSUBSCRIBE_SECRET is not set");
  assert.match(secretProblem(null) ?? "", "openssl rand -base64 32");
});

secret.run();

const needs = suite("needsToken");
needs("only templates with {token}", () => {
  assert.ok(needsToken("https://x.org/u?t={token}"));
  assert.not.ok(needsToken("*|UNSUB|*"));
  assert.not.ok(needsToken(null));
});
needs.run();

const fill = suite("fillUnsubscribeUrl");

fill("fills the address (percent-encoded) and the token", () => {
  const url = fillUnsubscribeUrl("https://x.org/u?email={email}&token={token}", {
    email: "a+b@x.org",
    token: "T0k",
  });
  assert.is(url, "https://x.org/u?email=a%2Bb%40x.org&token=T0k");
});

fill("for no one: empty values; a merge tag stays as it is", () => {
  assert.is(
    fillUnsubscribeUrl("https://x.org/u?email={email}&token={token}", null),
    "https://x.org/u?email=&token=",
  );
  assert.is(fillUnsubscribeUrl("*|UNSUB|*", null), "*|UNSUB|*");
});

fill.run();

const headers = suite("listUnsubscribeHeaders");

headers("https URL and mailto in one header, with one-click POST (RFC 8058)", () => {
  assert.equal(listUnsubscribeHeaders("https://x.org/u?e=a", "unsub@x.org"), {
    listUnsubscribe: "<https://x.org/u?e=a>, <mailto:unsub@x.org?subject=unsubscribe>",
    listUnsubscribePost: "List-Unsubscribe=One-Click",
  });
});

headers("plain http gets no one-click header", () => {
  assert.is(listUnsubscribeHeaders("http://x.org/u", null).listUnsubscribePost, null);
});

headers("a merge tag only when there is no mailto", () => {
  assert.is(
    listUnsubscribeHeaders("*|UNSUB|*", "u@x.org").listUnsubscribe,
    "<mailto:u@x.org?subject=unsubscribe>",
  );
  assert.is(listUnsubscribeHeaders("*|UNSUB|*", null).listUnsubscribe, "<*|UNSUB|*>");
});

headers.run();

const recipient = suite("recipientUnsubscribeUrl");

recipient("the template with the recipient's address and token", () => {
  const url = recipientUnsubscribeUrl("https://x.org/u?e={email}&t={token}", null, "Ann@x.org", "s3cret");
  assert.is(url, `https://x.org/u?e=Ann%40x.org&t=${unsubscribeToken("ann@x.org", "s3cret")}`);
});

recipient("mailto when there is no template", () => {
  assert.is(
    recipientUnsubscribeUrl(null, "u@x.org", "ann@x.org", null),
    "mailto:u@x.org?subject=unsubscribe",
  );
});

recipient.run();
