import { createHash, timingSafeEqual } from "node:crypto";

/**
 * True when an `Authorization: Basic …` header carries `secret` as its password, whatever the user name
 * (CONTRACTS: every provider can call a URL with credentials). Compared in constant time.
 */
export function checkBasicAuth(header: string | undefined, secret: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match || secret === "") return false;
  const decoded = Buffer.from(match[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(decoded.slice(colon + 1)), digest(secret));
}
