/** Whose `X-Forwarded-For` to believe: only a proxy on this machine (default), any peer, or nobody. */
export type TrustProxy = "loopback" | "always" | "never";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The client's address for rate limits (pure): the socket's peer, or, when that peer is a trusted proxy,
 * the last address in `X-Forwarded-For` (the one the proxy itself appended; earlier ones are the client's
 * say and can be forged).
 */
export function clientIp(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const trusted = trust === "always" || (trust === "loopback" && LOOPBACK.test(peer));
  if (!trusted || !forwardedFor) return peer;
  const last = forwardedFor.split(",").at(-1)?.trim();
  return last || peer;
}
