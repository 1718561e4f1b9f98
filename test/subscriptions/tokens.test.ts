import { suite } from "uvu";
import * as assert from "uvu/assert";
import { unsubscribeToken } from "../../src/newsletter/unsubscribe.ts";
import { confirmToken, verifyConfirmToken, verifyUnsubscribeToken } from "../../src/subscriptions/tokens.ts";

const SECRET = "s".repeat(32);
const T0 = new Date("2026-03-01T10:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3600_000);

const confirm = suite("confirmToken / verifyConfirmToken");

confirm("a token confirms its own address, lower-cased, for 48 hours", () => {
  const token = confirmToken("Reader@Example.org", SECRET, T0);
  assert.equal(verifyConfirmToken(token, SECRET, at(0)), { ok: true, email: "reader@example.org" });
  assert.equal(verifyConfirmToken(token, SECRET, at(47.9)), { ok: true, email: "reader@example.org" });
  assert.equal(verifyConfirmToken(token, SECRET, at(48.01)), { ok: false, reason: "expired" });
  assert.equal(verifyConfirmToken(token, SECRET, at(-1)), { ok: false, reason: "expired" });
});

confirm("another secret, another address or an edited time is invalid", () => {
  const token = confirmToken("a@example.org", SECRET, T0);
  const [, issued, mac] = token.split(".");
  const other = Buffer.from("b@example.org").toString("base64url");
  const later = (Number.parseInt(issued ?? "", 36) + 3600).toString(36);
  assert.equal(verifyConfirmToken(token, "t".repeat(32), T0), { ok: false, reason: "invalid" });
  assert.equal(verifyConfirmToken(`${other}.${issued}.${mac}`, SECRET, T0), { ok: false, reason: "invalid" });
  assert.equal(verifyConfirmToken(token.replace(`.${issued}.`, `.${later}.`), SECRET, T0), {
    ok: false,
    reason: "invalid",
  });
  for (const bad of ["", "a.b", "a.b.c.d", "!!.!!.!!", `${token}=`])
    assert.equal(verifyConfirmToken(bad, SECRET, T0), { ok: false, reason: "invalid" }, bad);
});

confirm("a confirmation token is never an unsubscribe token, nor the other way round", () => {
  const unsub = unsubscribeToken("a@example.org", SECRET);
  assert.not.ok(verifyConfirmToken(unsub, SECRET, T0).ok);
  assert.not.ok(verifyUnsubscribeToken("a@example.org", confirmToken("a@example.org", SECRET, T0), SECRET));
});

const unsubscribe = suite("verifyUnsubscribeToken");

unsubscribe("the contract's token (HMAC of the lower-cased address) and nothing else", () => {
  const token = unsubscribeToken("A@Example.org", SECRET);
  assert.ok(verifyUnsubscribeToken("a@example.org", token, SECRET));
  assert.not.ok(verifyUnsubscribeToken("b@example.org", token, SECRET));
  assert.not.ok(verifyUnsubscribeToken("a@example.org", token, "t".repeat(32)));
  assert.not.ok(verifyUnsubscribeToken("a@example.org", "", SECRET));
  assert.not.ok(verifyUnsubscribeToken("a@example.org", `${token}x`, SECRET));
});

confirm.run();
unsubscribe.run();
