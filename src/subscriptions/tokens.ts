import { createHmac, timingSafeEqual } from "node:crypto";
import { unsubscribeToken } from "../newsletter/unsubscribe.ts";

/** How long a confirmation link works: 48 hours. */
export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;
/** A token issued this far in the future (another instance's clock) is still taken. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function mac(secret: string, email: string, issued: number): string {
  // The purpose is part of what is signed, so a confirmation token can never pass as anything else.
  return createHmac("sha256", secret).update(`gazette-confirm\n${email}\n${issued}`).digest("base64url");
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A confirmation token for `email` (lower-cased) issued at `now`: the address, the issue time in seconds and
 * an HMAC-SHA256 of both under the secret, each base64url, joined by dots.
 */
export function confirmToken(email: string, secret: string, now: Date): string {
  const address = email.toLowerCase();
  const issued = Math.floor(now.getTime() / 1000);
  return `${Buffer.from(address).toString("base64url")}.${issued.toString(36)}.${mac(secret, address, issued)}`;
}

/** The result of checking a confirmation token. */
export type ConfirmCheck = { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" };

/** Checks a confirmation token (pure): forged, malformed or altered is `invalid`; older than 48 h is `expired`. */
export function verifyConfirmToken(token: string, secret: string, now: Date): ConfirmCheck {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p)))
    return { ok: false, reason: "invalid" };
  const [encoded, issuedText, signature] = parts as [string, string, string];
  const email = Buffer.from(encoded, "base64url").toString("utf8");
  const issued = Number.parseInt(issuedText, 36);
  if (!Number.isSafeInteger(issued) || !same(signature, mac(secret, email, issued)))
    return { ok: false, reason: "invalid" };
  const age = now.getTime() - issued * 1000;
  if (age > CONFIRM_TTL_MS || age < -CLOCK_SKEW_MS) return { ok: false, reason: "expired" };
  return { ok: true, email };
}

/** True when `token` is the unsubscribe token of `email` (CONTRACTS: HMAC-SHA256 of the lower-cased address). */
export function verifyUnsubscribeToken(email: string, token: string, secret: string): boolean {
  return same(token, unsubscribeToken(email, secret));
}
