import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { clientIp, type TrustProxy } from "./client-ip.ts";
import type { ConfirmationSender } from "./confirmation-sender.ts";
import { firstText, readName, readTopics } from "./form-fields.ts";
import { redactAddresses } from "./mail-queue.ts";
import {
  badAddressPage,
  badLinkPage,
  checkInboxPage,
  confirmedPage,
  confirmPage,
  messagePage,
  notConfirmedPage,
  type Page,
  type PageSite,
  unsubscribedPage,
  unsubscribePage,
} from "./pages.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { readForm } from "./read-form.ts";
import type { DeliveryEvent, SubscriberStore } from "./subscriber-store.ts";
import { confirmToken, verifyConfirmToken, verifyUnsubscribeToken } from "./tokens.ts";
import { validateAddress } from "./validate-address.ts";
import { checkBasicAuth } from "./webhooks/basic-auth.ts";
import { parseMailgun } from "./webhooks/parse-mailgun.ts";
import { parsePostmark } from "./webhooks/parse-postmark.ts";
import { parseSendgrid } from "./webhooks/parse-sendgrid.ts";
import { parseSesNotification, parseSnsMessage } from "./webhooks/parse-ses.ts";
import { verifyMailgunSignature } from "./webhooks/verify-mailgun.ts";
import { verifySendgridSignature } from "./webhooks/verify-sendgrid.ts";
import { isSnsUrl, verifySnsSignature } from "./webhooks/verify-sns.ts";
import type { WebhookResult } from "./webhooks/webhook-result.ts";

/** The limits that keep the service safe on the internet. */
export interface ServiceLimits {
  /** Form posts to `subscribe` per client address and window. Default 10. */
  subscribePerIp: number;
  /** The window for `subscribePerIp`, in ms. Default 10 minutes. */
  windowMs: number;
  /** Confirmation mails per address and UTC day. Default 3. */
  confirmMailsPerDay: number;
  /** Soft bounces after which an address counts as bounced. Default 3. */
  softBounceLimit: number;
  /** Largest form body, in bytes. Default 8 KiB. */
  formBytes: number;
  /** Largest webhook body, in bytes. Default 1 MiB. */
  webhookBytes: number;
}

/** Everything the HTTP app needs; the edge (`startService`) builds it from the configuration and environment. */
export interface AppDeps {
  store: SubscriberStore;
  site: PageSite;
  /** The newsletter's From and Reply-To, for the confirmation mail. */
  from: string;
  replyTo: string | null;
  /** The service's public address, ending in `/` (`subscriptions.url`). */
  publicUrl: string;
  /** `GAZETTE_UNSUBSCRIBE_SECRET`: signs confirmation and unsubscribe tokens. */
  secret: string;
  /** `GAZETTE_WEBHOOK_SECRET`, the Basic auth password of every webhook; null turns webhooks off. */
  webhookSecret: string | null;
  /** SendGrid's verification key (base64 DER or PEM), or null to rely on Basic auth alone. */
  sendgridKey: string | null;
  /** Mailgun's webhook signing key, or null to rely on Basic auth alone. */
  mailgunKey: string | null;
  sns: {
    /** Check each SNS message's signature against its certificate (default true). */
    verify: boolean;
    /** Topic ARNs accepted, or null for any. */
    topics: readonly string[] | null;
    /** GETs an https URL (the signing certificate; SubscribeURL to confirm a subscription). */
    fetchText: (url: string) => Promise<string>;
  };
  mail: ConfirmationSender;
  limits: ServiceLimits;
  trustProxy: TrustProxy;
  now: () => Date;
  /** One line per request and per failure; never an address or a token. */
  log: (line: string) => void;
}

/** The defaults of `ServiceLimits`. */
export const DEFAULT_LIMITS: ServiceLimits = {
  subscribePerIp: 10,
  windowMs: 10 * 60 * 1000,
  confirmMailsPerDay: 3,
  softBounceLimit: 3,
  formBytes: 8 * 1024,
  webhookBytes: 1024 * 1024,
};

/** Headers on every answer: no caching (pages are personal), no framing, no referrer (links carry tokens). */
function secure(c: Context, siteOrigin: string): void {
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src ${siteOrigin}; img-src ${siteOrigin}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Frame-Options", "DENY");
  c.header("Cache-Control", "no-store");
}

function page(c: Context, p: Page): Response {
  return c.html(p.html, p.status);
}

/**
 * The subscriptions service as a Hono app (an adapter: the logic lives in the store, the tokens, the
 * parsers and the pages). Routes sit under the path of `publicUrl` and, when that is not `/`, also at the
 * root, for a proxy that strips the prefix. A GET never changes anything.
 */
export function createApp(deps: AppDeps): Hono {
  const { store, site, limits } = deps;
  const siteOrigin = new URL(site.url).origin;
  const base = new URL(deps.publicUrl).pathname;
  const limiter = createRateLimiter(store, limits.subscribePerIp, limits.windowMs, deps.secret, (e) =>
    deps.log(`rate limit: old counts not removed: ${redactAddresses((e as Error).message)}`),
  );
  const certificates = new Map<string, Promise<string>>();
  const routes = new Hono();

  const tooLarge = (c: Context): Response => {
    // The rest of the body is left unread: close the connection after the answer.
    c.header("Connection", "close");
    return page(c, messagePage(site, 413, "Too much data", "The form sent more than this page takes."));
  };

  routes.get("/health", async (c) => {
    try {
      await store.counts();
      return c.json({ status: "ok", store: store.kind, schema: store.schemaVersion });
    } catch (e) {
      deps.log(`health: store unavailable: ${redactAddresses((e as Error).message)}`);
      return c.json({ status: "unavailable", store: store.kind }, 503);
    }
  });

  routes.get("/subscribe", (c) => c.redirect(`${site.url}subscribe/`, 303));
  routes.post("/subscribe", async (c) => {
    const now = deps.now();
    const peer = getConnInfo(c).remote.address ?? "";
    if (!(await limiter.hit(clientIp(peer, c.req.header("x-forwarded-for"), deps.trustProxy), now.getTime())))
      return page(
        c,
        messagePage(
          site,
          429,
          "Too many tries",
          "Too many sign-ups from your network: try again in a few minutes.",
        ),
      );
    const read = await readForm(c, limits.formBytes);
    if (!read.ok) return tooLarge(c);
    const form = read.fields;
    // The honeypot: people never see the field (it is hidden); bots fill in every field they find.
    if (firstText(form.website).trim() !== "") return c.redirect(`${deps.publicUrl}check-inbox`, 303);
    const checked = validateAddress(firstText(form.email));
    if (!checked.ok) return page(c, badAddressPage(site, checked.reason));
    const { email } = checked;
    const outcome = await store.subscribe(
      { email, name: readName(form.name), topics: readTopics(form.topics) },
      now,
      limits.confirmMailsPerDay,
    );
    if (outcome.sendConfirmation) {
      const confirmUrl = `${deps.publicUrl}confirm?token=${confirmToken(email, deps.secret, now)}`;
      const queued = deps.mail.send(
        {
          siteTitle: site.title,
          siteUrl: site.url,
          from: deps.from,
          replyTo: deps.replyTo,
          to: email,
          confirmUrl,
        },
        now,
      );
      if (!queued) deps.log("confirmation mail dropped: the mail queue is full");
    }
    // The same answer whatever the address's state: nobody learns who subscribes.
    return c.redirect(`${deps.publicUrl}check-inbox`, 303);
  });
  routes.get("/check-inbox", (c) => page(c, checkInboxPage(site)));

  routes.get("/confirm", (c) => {
    const token = c.req.query("token") ?? "";
    const check = verifyConfirmToken(token, deps.secret, deps.now());
    if (!check.ok) return page(c, badLinkPage(site, "confirm", check.reason === "expired"));
    return page(c, confirmPage(site, token));
  });
  routes.post("/confirm", async (c) => {
    const read = await readForm(c, limits.formBytes);
    if (!read.ok) return tooLarge(c);
    const form = read.fields;
    const token = firstText(form.token) || c.req.query("token") || "";
    const now = deps.now();
    const check = verifyConfirmToken(token, deps.secret, now);
    if (!check.ok) return page(c, badLinkPage(site, "confirm", check.reason === "expired"));
    const status = await store.confirm(check.email, now);
    return page(c, status === "confirmed" ? confirmedPage(site) : notConfirmedPage(site));
  });

  const unsubscriber = (email: string, token: string): string | null => {
    const checked = validateAddress(email);
    return checked.ok && verifyUnsubscribeToken(checked.email, token, deps.secret) ? checked.email : null;
  };
  routes.get("/unsubscribe", (c) => {
    const email = unsubscriber(c.req.query("email") ?? "", c.req.query("token") ?? "");
    if (email === null) return page(c, badLinkPage(site, "unsubscribe", false));
    return page(c, unsubscribePage(site, email, c.req.query("token") ?? ""));
  });
  routes.post("/unsubscribe", async (c) => {
    const read = await readForm(c, limits.formBytes);
    if (!read.ok) return tooLarge(c);
    const form = read.fields;
    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL itself.
    const oneClick = firstText(form["List-Unsubscribe"]) === "One-Click";
    const email = unsubscriber(
      c.req.query("email") ?? firstText(form.email),
      c.req.query("token") ?? firstText(form.token),
    );
    if (email === null)
      return oneClick
        ? c.text("This unsubscribe link is not valid.\n", 400)
        : page(c, badLinkPage(site, "unsubscribe", false));
    await store.unsubscribe(email, deps.now());
    return oneClick ? c.text("Unsubscribed.\n", 200) : page(c, unsubscribedPage(site));
  });

  routes.post(
    "/webhooks/:provider",
    bodyLimit({
      maxSize: limits.webhookBytes,
      onError: (c) => c.json({ error: "the body is too large" }, 413),
    }),
    async (c) => {
      const provider = c.req.param("provider");
      if (!["ses", "postmark", "sendgrid", "mailgun"].includes(provider))
        return c.json({ error: "no such webhook" }, 404);
      if (deps.webhookSecret === null)
        return c.json({ error: "webhooks are off: set GAZETTE_WEBHOOK_SECRET" }, 503);
      if (!checkBasicAuth(c.req.header("authorization"), deps.webhookSecret)) {
        c.header("WWW-Authenticate", 'Basic realm="gazette-webhooks", charset="UTF-8"');
        return c.json({ error: "wrong or missing credentials" }, 401);
      }
      const raw = await c.req.text();
      let result: WebhookResult;
      if (provider === "postmark") result = parsePostmark(raw);
      else if (provider === "sendgrid") {
        if (
          deps.sendgridKey !== null &&
          !verifySendgridSignature(
            deps.sendgridKey,
            raw,
            c.req.header("x-twilio-email-event-webhook-signature"),
            c.req.header("x-twilio-email-event-webhook-timestamp"),
          )
        )
          return c.json({ error: "the SendGrid signature does not verify" }, 401);
        result = parseSendgrid(raw);
      } else if (provider === "mailgun") {
        const parsed = parseMailgun(raw);
        if (
          parsed.ok &&
          deps.mailgunKey !== null &&
          !verifyMailgunSignature(deps.mailgunKey, parsed.signature)
        )
          return c.json({ error: "the Mailgun signature does not verify" }, 401);
        result = parsed;
      } else {
        const sns = await readSns(raw);
        if ("response" in sns) return c.json(sns.response.body, sns.response.status);
        result = sns.result;
      }
      if (!result.ok) return c.json({ error: result.message }, 400);
      const statuses = await store.record(result.events, deps.now(), limits.softBounceLimit);
      return c.json({
        events: result.events.length,
        suppressed: statuses.filter((s) => s === "bounced" || s === "complained").length,
      });
    },
  );

  type SnsOutcome =
    | { result: WebhookResult }
    | { response: { status: 200 | 400 | 401 | 502; body: Record<string, unknown> } };
  async function readSns(raw: string): Promise<SnsOutcome> {
    const parsed = parseSnsMessage(raw);
    if (!parsed.ok) return { response: { status: 400, body: { error: parsed.message } } };
    const m = parsed.message;
    if (deps.sns.topics !== null && !deps.sns.topics.includes(m.TopicArn))
      return {
        response: { status: 401, body: { error: "this SNS topic is not accepted (GAZETTE_SNS_TOPIC_ARN)" } },
      };
    if (deps.sns.verify) {
      if (!isSnsUrl(m.SigningCertURL) || !m.SigningCertURL.endsWith(".pem"))
        return {
          response: { status: 401, body: { error: "the signing certificate is not on an SNS address" } },
        };
      let pem = certificates.get(m.SigningCertURL);
      if (!pem) {
        pem = deps.sns.fetchText(m.SigningCertURL);
        certificates.set(m.SigningCertURL, pem);
        pem.catch(() => certificates.delete(m.SigningCertURL));
      }
      let certificate: string;
      try {
        certificate = await pem;
      } catch (e) {
        deps.log(`ses webhook: cannot fetch the SNS certificate: ${(e as Error).message}`);
        return { response: { status: 502, body: { error: "cannot fetch the SNS signing certificate" } } };
      }
      if (!verifySnsSignature(m, certificate))
        return { response: { status: 401, body: { error: "the SNS signature does not verify" } } };
    }
    if (m.Type === "SubscriptionConfirmation") {
      if (!isSnsUrl(m.SubscribeURL ?? ""))
        return { response: { status: 400, body: { error: "the SubscribeURL is not an SNS address" } } };
      try {
        await deps.sns.fetchText(m.SubscribeURL ?? "");
      } catch (e) {
        deps.log(`ses webhook: confirming the SNS subscription failed: ${(e as Error).message}`);
        return { response: { status: 502, body: { error: "confirming the SNS subscription failed" } } };
      }
      deps.log(`ses webhook: subscribed to ${m.TopicArn}`);
      return { response: { status: 200, body: { confirmed: m.TopicArn } } };
    }
    if (m.Type === "UnsubscribeConfirmation") return { response: { status: 200, body: { events: 0 } } };
    return { result: parseSesNotification(m.Message) };
  }

  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    secure(c, siteOrigin);
    const path = new URL(c.req.url).pathname;
    deps.log(`${c.req.method} ${path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });
  app.onError((e, c) => {
    deps.log(`error: ${redactAddresses((e as Error).message)}`);
    return page(
      c,
      messagePage(
        site,
        500,
        "Something went wrong",
        "The service could not do that just now: try again in a minute.",
      ),
    );
  });
  app.notFound((c) => page(c, messagePage(site, 404, "Not found", "There is no page at this address.")));
  app.route(base, routes);
  if (base !== "/") app.route("/", routes);
  return app;
}

export type { DeliveryEvent };
