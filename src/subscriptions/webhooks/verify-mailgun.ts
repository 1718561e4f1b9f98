import { createHmac, timingSafeEqual } from "node:crypto";
import type { MailgunSignature } from "./parse-mailgun.ts";

/**
 * Checks Mailgun's webhook signature (pure): hex HMAC-SHA256 of `timestamp` followed by `token` under the
 * webhook signing key, compared in constant time.
 */
export function verifyMailgunSignature(signingKey: string, s: MailgunSignature | null): boolean {
  if (!s) return false;
  const expected = createHmac("sha256", signingKey)
    .update(s.timestamp + s.token)
    .digest("hex");
  const a = Buffer.from(expected);
  const b = Buffer.from(s.signature.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
