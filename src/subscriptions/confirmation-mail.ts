import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { escapeHtml } from "./pages.ts";

/** What the confirmation mail says and who it is from. */
export interface ConfirmationMail {
  siteTitle: string;
  siteUrl: string;
  /** `Name <address>`: the newsletter's From. */
  from: string;
  replyTo: string | null;
  to: string;
  /** `<subscriptions.url>confirm?token=…` */
  confirmUrl: string;
}

/** The domain of an address, for the Message-ID. */
function domainOf(from: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
}

/**
 * The double opt-in mail (RFC 5322 message, plain text and HTML): the confirmation link, how long it works,
 * and what to do if the reader did not ask. Marked `Auto-Submitted` so auto-responders leave it alone.
 */
export function composeConfirmation(mail: ConfirmationMail, now: Date): Promise<Buffer> {
  const subject = `Confirm your subscription to ${mail.siteTitle}`;
  const text = [
    `Someone (we hope you) asked to get ${mail.siteTitle} by email at this address.`,
    "",
    "Confirm your subscription by opening this link within 48 hours:",
    mail.confirmUrl,
    "",
    "If you did not ask, ignore this email: you will not be subscribed and will hear nothing more.",
    "",
    mail.siteUrl,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${e(subject)}</title></head><body>
<p>Someone (we hope you) asked to get ${e(mail.siteTitle)} by email at this address.</p>
<p><a href="${e(mail.confirmUrl)}">Confirm your subscription</a> within 48 hours.</p>
<p>If you did not ask, ignore this email: you will not be subscribed and will hear nothing more.</p>
<p><a href="${e(mail.siteUrl)}">${e(mail.siteTitle)}</a></p>
</body></html>`;
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject,
    text,
    html,
    date: now,
    messageId: `<${randomUUID()}@${domainOf(mail.from)}>`,
    headers: { "Auto-Submitted": "auto-generated" },
  });
  return new Promise((resolve, reject) =>
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message))),
  );
}
