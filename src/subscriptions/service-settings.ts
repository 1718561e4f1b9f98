import type { SiteConfig } from "../config/site-config.ts";
import { DEFAULT_LIMITS, type ServiceLimits } from "./app.ts";
import type { TrustProxy } from "./client-ip.ts";

/** How the service runs, read from the configuration and the environment. */
export interface ServiceSettings {
  host: string;
  port: number;
  publicUrl: string;
  secret: string;
  webhookSecret: string | null;
  sendgridKey: string | null;
  mailgunKey: string | null;
  snsVerify: boolean;
  snsTopics: string[] | null;
  trustProxy: TrustProxy;
  limits: ServiceLimits;
}

/** At least this many bytes in each secret (HMAC-SHA256 keys). */
export const MIN_SECRET_BYTES = 32;

function whole(
  env: Record<string, string | undefined>,
  key: string,
  fallback: number,
  min: number,
): number | string {
  const text = env[key]?.trim();
  if (!text) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min)
    return `${key} is "${text}" (expected a whole number of at least ${min})`;
  return Number(text);
}

/**
 * Reads the service's settings (pure): `HOST` (127.0.0.1), `PORT` (8787), `subscriptions.url` from the
 * configuration (or `GAZETTE_SUBSCRIPTIONS_URL`), `GAZETTE_UNSUBSCRIBE_SECRET` (required, 32 bytes or more),
 * `GAZETTE_WEBHOOK_SECRET`, `GAZETTE_SENDGRID_PUBLIC_KEY`, `GAZETTE_MAILGUN_SIGNING_KEY`,
 * `GAZETTE_SNS_VERIFY` (true), `GAZETTE_SNS_TOPIC_ARN` (comma-separated), `GAZETTE_TRUST_PROXY`
 * (`loopback`, `always`, `never`), `GAZETTE_SUBSCRIBE_LIMIT` (10 per IP and 10 minutes),
 * `GAZETTE_CONFIRM_LIMIT` (3 mails per address a day), `GAZETTE_SOFT_BOUNCE_LIMIT` (3). Every problem is a message.
 */
export function serviceSettings(
  config: SiteConfig,
  env: Record<string, string | undefined>,
): { ok: true; settings: ServiceSettings } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const host = env.HOST?.trim() || "127.0.0.1";
  const port = whole(env, "PORT", 8787, 0);
  if (typeof port === "string") messages.push(port);
  else if (port > 65535) messages.push(`PORT is "${port}" (expected a port number up to 65535)`);
  let publicUrl = env.GAZETTE_SUBSCRIPTIONS_URL?.trim() || config.subscriptions.url || "";
  if (publicUrl === "")
    messages.push(
      "gazette.config.yaml has no subscriptions.url (the service's public address, e.g. https://example.org/subscriptions/)",
    );
  else {
    try {
      const url = new URL(publicUrl);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http");
      publicUrl = `${url.origin}${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}`;
    } catch {
      messages.push(`GAZETTE_SUBSCRIPTIONS_URL "${publicUrl}" is not a web address (expected https://…/)`);
    }
  }
  const secret = env.GAZETTE_UNSUBSCRIBE_SECRET ?? "";
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES)
    messages.push(
      `GAZETTE_UNSUBSCRIBE_SECRET ${secret ? "is too short" : "is not set"}: it signs confirmation and unsubscribe links (expected ${MIN_SECRET_BYTES} bytes or more, e.g. from: openssl rand -base64 32)`,
    );
  const webhookSecret = env.GAZETTE_WEBHOOK_SECRET || null;
  if (webhookSecret !== null && Buffer.byteLength(webhookSecret) < 16)
    messages.push("GAZETTE_WEBHOOK_SECRET is too short (expected 16 bytes or more)");
  const verify = (env.GAZETTE_SNS_VERIFY ?? "true").trim().toLowerCase();
  if (verify !== "true" && verify !== "false")
    messages.push(`GAZETTE_SNS_VERIFY is "${env.GAZETTE_SNS_VERIFY}" (expected true or false)`);
  const trust = (env.GAZETTE_TRUST_PROXY ?? "loopback").trim().toLowerCase();
  if (trust !== "loopback" && trust !== "always" && trust !== "never")
    messages.push(`GAZETTE_TRUST_PROXY is "${env.GAZETTE_TRUST_PROXY}" (expected loopback, always or never)`);
  const subscribePerIp = whole(env, "GAZETTE_SUBSCRIBE_LIMIT", DEFAULT_LIMITS.subscribePerIp, 1);
  const confirmMailsPerDay = whole(env, "GAZETTE_CONFIRM_LIMIT", DEFAULT_LIMITS.confirmMailsPerDay, 1);
  const softBounceLimit = whole(env, "GAZETTE_SOFT_BOUNCE_LIMIT", DEFAULT_LIMITS.softBounceLimit, 1);
  for (const v of [subscribePerIp, confirmMailsPerDay, softBounceLimit])
    if (typeof v === "string") messages.push(v);
  if (messages.length > 0) return { ok: false, messages };
  return {
    ok: true,
    settings: {
      host,
      port: port as number,
      publicUrl,
      secret,
      webhookSecret,
      sendgridKey: env.GAZETTE_SENDGRID_PUBLIC_KEY?.trim() || null,
      mailgunKey: env.GAZETTE_MAILGUN_SIGNING_KEY?.trim() || null,
      snsVerify: verify === "true",
      snsTopics: env.GAZETTE_SNS_TOPIC_ARN
        ? env.GAZETTE_SNS_TOPIC_ARN.split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
      trustProxy: trust as TrustProxy,
      limits: {
        ...DEFAULT_LIMITS,
        subscribePerIp: subscribePerIp as number,
        confirmMailsPerDay: confirmMailsPerDay as number,
        softBounceLimit: softBounceLimit as number,
      },
    },
  };
}
