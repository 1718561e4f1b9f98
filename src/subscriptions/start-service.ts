import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { SiteConfig } from "../config/site-config.ts";
import type { Deliver } from "../newsletter/send/send-issue.ts";
import type { SmtpSettings } from "../newsletter/send/smtp-settings.ts";
import { createApp } from "./app.ts";
import {
  type ConfirmationSender,
  createConfirmationSender,
  describeFailure,
  type SendFailure,
} from "./confirmation-sender.ts";
import { type MailQueueOptions, redactAddresses } from "./mail-queue.ts";
import { startMailThread } from "./mail-thread.ts";
import type { ServiceSettings } from "./service-settings.ts";
import type { SubscriberStore } from "./subscriber-store.ts";

/** A running service. */
export interface RunningService {
  /** The address it listens on: `http://127.0.0.1:8787`. */
  address: string;
  port: number;
  mail: ConfirmationSender;
  /** Stops taking connections, lets queued confirmation mails go (a retry still waiting is given up, and logged), then resolves. */
  close(): Promise<void>;
}

/** The edge's parts: the store, the relay, the clock and the log. */
export interface ServiceParts {
  config: SiteConfig;
  settings: ServiceSettings;
  store: SubscriberStore;
  /**
   * How confirmation mails go out: through the relay in `smtp` from a worker thread of their own (the
   * command), or through `deliver` in this thread (tests, with their own relay).
   */
  mail: { smtp: SmtpSettings; envelope: string } | { deliver: Deliver };
  now?: () => Date;
  log?: (line: string) => void;
  /** GETs an https URL for SNS; default `fetch` with a 10 s timeout. */
  fetchText?: (url: string) => Promise<string>;
  /** Overrides for the confirmation mail queue (tests shorten the retry delays). */
  mailOptions?: MailQueueOptions;
  /**
   * The public address once the port is known (tests listen on port 0): by default `settings.publicUrl`.
   */
  publicUrl?: (port: number) => string;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "error" });
  if (!response.ok) throw new Error(`GET ${new URL(url).host} answered ${response.status}`);
  return response.text();
}

/** Starts the subscriptions service on `settings.host`:`settings.port` (0 for any free port). */
export async function startService(parts: ServiceParts): Promise<RunningService> {
  const { config, settings, store } = parts;
  const log = parts.log ?? ((line: string) => console.log(line));
  // One message at a time: the relay keeps one SMTP connection. No send log here (a confirmation mail
  // is not an issue: sent twice, it does no harm), so nothing waits before the end of data. The relay's
  // 4xx and dropped connections are tried again (5 s, 30 s, 2 min later); every mail not sent in the end
  // is logged, without its address.
  const onFailure = (f: SendFailure) => log(redactAddresses(describeFailure(f)));
  const options = { concurrency: 1, ...parts.mailOptions };
  const how = parts.mail;
  let mail: ConfirmationSender;
  if ("smtp" in how) mail = startMailThread(how.smtp, how.envelope, onFailure, log, options);
  else {
    const { deliver } = how;
    mail = createConfirmationSender((to, raw) => deliver(to, raw, async () => {}), onFailure, options);
  }
  let handler: ((request: Request, env: unknown) => Response | Promise<Response>) | null = null;
  const server = serve({
    fetch: (request, env) => (handler ? handler(request, env) : new Response("starting", { status: 503 })),
    port: settings.port,
    hostname: settings.host,
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const app = createApp({
    store,
    site: {
      title: config.title,
      description: config.description,
      url: config.url,
      language: config.language,
    },
    from: config.newsletter.from,
    replyTo: config.newsletter.replyTo,
    publicUrl: parts.publicUrl ? parts.publicUrl(port) : settings.publicUrl,
    secret: settings.secret,
    webhookSecret: settings.webhookSecret,
    sendgridKey: settings.sendgridKey,
    mailgunKey: settings.mailgunKey,
    sns: { verify: settings.snsVerify, topics: settings.snsTopics, fetchText: parts.fetchText ?? fetchText },
    mail,
    limits: settings.limits,
    trustProxy: settings.trustProxy,
    now: parts.now ?? (() => new Date()),
    log,
  });
  handler = (request, env) => app.fetch(request, env);
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  return {
    address: `http://${host}:${port}`,
    port,
    mail,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await mail.stop();
    },
  };
}
