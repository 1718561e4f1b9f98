import { createPublicKey, verify } from "node:crypto";

/**
 * Checks SendGrid's Signed Event Webhook (pure): an ECDSA (P-256, SHA-256) signature, base64 DER in
 * `X-Twilio-Email-Event-Webhook-Signature`, over the `X-Twilio-Email-Event-Webhook-Timestamp` value followed
 * by the raw body. `publicKey` is the verification key as SendGrid shows it (base64 DER), or a PEM.
 */
export function verifySendgridSignature(
  publicKey: string,
  rawBody: string,
  signature: string | undefined,
  timestamp: string | undefined,
): boolean {
  if (!signature || !timestamp) return false;
  try {
    const key = publicKey.includes("BEGIN")
      ? createPublicKey(publicKey)
      : createPublicKey({ key: Buffer.from(publicKey.trim(), "base64"), format: "der", type: "spki" });
    return verify("sha256", Buffer.from(timestamp + rawBody), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
