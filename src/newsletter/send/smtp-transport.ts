import nodemailer from "nodemailer";
import type { Deliver } from "./send-issue.ts";
import type { SmtpSettings } from "./smtp-settings.ts";

/** A connection to the relay (the edge): deliver messages, then close. */
export interface Relay {
  deliver: Deliver;
  close(): void;
}

/**
 * nodemailer's SMTP transport with one pooled connection, reused between messages and reopened after a
 * drop. Messages go as they were composed (`raw`), to one recipient each.
 */
export function openRelay(settings: SmtpSettings, envelopeFrom: string): Relay {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.auth ? { auth: settings.auth } : {}),
    pool: true,
    maxConnections: 1,
    // A dropped connection must come back to us as an error: our log and retries decide, not the pool.
    maxRequeues: 0,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    deliver: async (to, raw) => {
      const info = await transport.sendMail({ envelope: { from: envelopeFrom, to: [to] }, raw });
      return String(info.response ?? "250");
    },
    close: () => transport.close(),
  };
}
