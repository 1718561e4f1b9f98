import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type { ListUnsubscribe } from "./unsubscribe.ts";

/** Everything that goes into one message. */
export interface EmlInput {
  from: string;
  /** The recipient (an address, or a name and address), or null for the issue's record copy. */
  to: string | { name: string; address: string } | null;
  replyTo: string | null;
  subject: string;
  date: Date;
  /** `<…@host>`, from `messageId`. */
  messageId: string;
  html: string;
  text: string;
  unsubscribe: ListUnsubscribe;
  /** `Name <label.host>` (RFC 2919). */
  listId: string;
  /** The archive's absolute URL (RFC 2369 `List-Archive`). */
  listArchive: string;
  /** Fixes MailComposer's otherwise random MIME boundary, for byte-identical output. */
  baseBoundary: string;
}

/**
 * A stable Message-ID for issue N, one per recipient when sending: derived from the issue's date and the
 * address, never from the clock, so rebuilding or resending gives the same ID.
 */
export function messageId(
  issueNumber: number,
  issueDate: string,
  host: string,
  to: string | null = null,
): string {
  const hash = createHash("sha256")
    .update(`${issueDate}\n${to?.toLowerCase() ?? ""}`)
    .digest("hex")
    .slice(0, 16);
  return `<gazette.issue-${issueNumber}.${hash}@${host}>`;
}

/** The `List-Id` value (RFC 2919): the site's name (an RFC 2047 word when not ASCII) and `newsletter.<host>`. */
export function listId(siteTitle: string, hostname: string): string {
  const name = siteTitle.replace(/[\s"\\<>]+/g, " ").trim();
  const phrase = /^[\x20-\x7e]*$/.test(name)
    ? `"${name}"`
    : `=?UTF-8?B?${Buffer.from(name).toString("base64")}?=`;
  return `${phrase} <newsletter.${hostname}>`;
}

/**
 * Builds the multipart/alternative message (plain text first, then HTML) with nodemailer's MailComposer and
 * the list headers of RFC 2369, 2919 and 8058.
 */
export async function composeEml(input: EmlInput): Promise<Buffer> {
  const headers: Record<string, string | { prepared: true; value: string }> = {
    // Prepared: URLs must reach the client unfolded and unencoded.
    "List-Unsubscribe": { prepared: true, value: input.unsubscribe.listUnsubscribe },
  };
  if (input.unsubscribe.listUnsubscribePost)
    headers["List-Unsubscribe-Post"] = input.unsubscribe.listUnsubscribePost;
  headers["List-Id"] = { prepared: true, value: input.listId };
  headers["List-Archive"] = { prepared: true, value: `<${input.listArchive}>` };
  const composer = new MailComposer({
    from: input.from,
    ...(input.to ? { to: input.to } : {}),
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject: input.subject,
    date: input.date,
    messageId: input.messageId,
    baseBoundary: input.baseBoundary,
    text: input.text,
    html: input.html,
    headers,
  });
  return composer.compile().build();
}
