import { simpleParser } from "mailparser";
import { smtpSettings } from "../../src/newsletter/send/smtp-settings.ts";
import { openRelay } from "../../src/newsletter/send/smtp-transport.ts";
import { DEFAULT_LIMITS, type ServiceLimits } from "../../src/subscriptions/app.ts";
import type { MailQueueOptions } from "../../src/subscriptions/mail-queue.ts";
import type { ServiceSettings } from "../../src/subscriptions/service-settings.ts";
import { startService } from "../../src/subscriptions/start-service.ts";
import { makeConfig } from "../factories.ts";
import { type FixtureRules, startRelay } from "../newsletter/send/smtp-fixture.ts";
import type { OpenedStore, StoreCase } from "./store-cases.ts";

export const SECRET = "a-test-secret-that-is-32-bytes-long!";
export const WEBHOOK_SECRET = "webhook-secret-0123456789";

/** Options for one service under test. */
export interface HarnessOptions {
  limits?: Partial<ServiceLimits>;
  settings?: Partial<ServiceSettings>;
  /** The service's clock (default: the real one). */
  now?: () => Date;
  fetchText?: (url: string) => Promise<string>;
  /** How the SMTP sink behaves (e.g. a 421 once). */
  relay?: FixtureRules;
  mailOptions?: MailQueueOptions;
}

/**
 * A real service on 127.0.0.1 (port 0) under `/subscriptions/`, with a real store of the given kind and a
 * real SMTP sink for the confirmation mails; `logs` keeps every line it logged.
 */
export async function startHarness(kind: StoreCase, options: HarnessOptions = {}) {
  const opened: OpenedStore = await kind.open();
  const relay = await startRelay(options.relay);
  const smtp = smtpSettings({ SMTP_URL: relay.url, SMTP_INSECURE: "true" });
  if (!smtp.ok) throw new Error(smtp.message);
  const transport = openRelay(smtp.settings, "digest@gazette.test");
  const logs: string[] = [];
  const config = makeConfig({ subscriptions: { url: "https://gazette.test/subscriptions/" } });
  const settings: ServiceSettings = {
    host: "127.0.0.1",
    port: 0,
    publicUrl: "unused",
    secret: SECRET,
    webhookSecret: WEBHOOK_SECRET,
    sendgridKey: null,
    mailgunKey: null,
    snsVerify: false,
    snsTopics: null,
    trustProxy: "loopback",
    limits: { ...DEFAULT_LIMITS, subscribePerIp: 10_000, ...options.limits },
    ...options.settings,
  };
  const service = await startService({
    config,
    settings,
    store: opened.store,
    mail: { deliver: transport.deliver },
    log: (line) => void logs.push(line),
    publicUrl: (port) => `http://127.0.0.1:${port}/subscriptions/`,
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetchText ? { fetchText: options.fetchText } : {}),
    ...(options.mailOptions ? { mailOptions: options.mailOptions } : {}),
  });
  const base = `${service.address}/subscriptions/`;
  return {
    base,
    store: opened.store,
    relay,
    logs,
    service,
    /** POSTs a form (urlencoded) and returns the answer, without following redirects. */
    form: (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return fetch(`${base}${path}`, { method: "POST", body, redirect: "manual", headers });
    },
    close: async () => {
      await service.close();
      transport.close();
      await relay.close();
      await opened.cleanup();
    },
  };
}

/** The confirmation link in a delivered message's plain text. */
export async function confirmLink(raw: Buffer): Promise<string> {
  const text = (await simpleParser(raw)).text ?? "";
  const match = /https?:\/\/\S+\/confirm\?token=[A-Za-z0-9._-]+/.exec(text);
  if (!match) throw new Error("no confirmation link in the message");
  return match[0];
}

/** Waits until `check` is true (mail is sent in the background), for at most 5 s. */
export async function waitFor(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
