import { createPublicKey, verify } from "node:crypto";
import type { SnsMessage } from "./parse-ses.ts";

/**
 * The text SNS signs (AWS docs, "Verifying the signatures of Amazon SNS messages"): for a Notification,
 * Message, MessageId, Subject (if present), Timestamp, TopicArn, Type; for the confirmations, Message,
 * MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type. Each as its name, a newline, its value, a newline.
 */
export function snsStringToSign(m: SnsMessage): string {
  const keys =
    m.Type === "Notification"
      ? [
          "Message",
          "MessageId",
          ...(m.Subject !== undefined ? ["Subject"] : []),
          "Timestamp",
          "TopicArn",
          "Type",
        ]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  return keys.map((k) => `${k}\n${(m as unknown as Record<string, string>)[k]}\n`).join("");
}

/** True for an https URL on an SNS endpoint (`sns.<region>.amazonaws.com`), as certificates and SubscribeURLs are. */
export function isSnsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      url.protocol === "https:" && /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(url.hostname) && !url.port
    );
  } catch {
    return false;
  }
}

/**
 * Checks an SNS message's signature against the signing certificate's PEM (pure): RSA with SHA1
 * (SignatureVersion 1) or SHA256 (SignatureVersion 2) over `snsStringToSign`.
 */
export function verifySnsSignature(m: SnsMessage, certificatePem: string): boolean {
  const algorithm = m.SignatureVersion === "1" ? "sha1" : m.SignatureVersion === "2" ? "sha256" : null;
  if (!algorithm) return false;
  try {
    const key = createPublicKey(certificatePem);
    return verify(algorithm, Buffer.from(snsStringToSign(m)), key, Buffer.from(m.Signature, "base64"));
  } catch {
    return false;
  }
}
