import { createHash } from "node:crypto";
import { absoluteUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import type { Diagnostic } from "../shared/diagnostic.ts";
import { checkEmailSize } from "./check-size.ts";
import { compileMjml } from "./compile-mjml.ts";
import { composeEml, listId, messageId } from "./compose-eml.ts";
import { emailModel } from "./email-model.ts";
import { renderIntro } from "./intro.ts";
import type { LedgerIssue } from "./ledger.ts";
import { plainText } from "./plain-text.ts";
import type { MjmlRenderer } from "./render-mjml.ts";
import { fillUnsubscribeUrl, listUnsubscribeHeaders } from "./unsubscribe.ts";

/** Stands for the unsubscribe URL while the email is compiled once; letters and digits only, so no escaping. */
export const UNSUBSCRIBE_PLACEHOLDER = "GAZETTEUNSUBSCRIBEURL0x5f3759df";

/** An issue compiled once, with the placeholder where each recipient's unsubscribe URL goes. */
export interface CompiledIssue {
  issue: LedgerIssue;
  mjml: string;
  html: string;
  text: string;
}

/** The four files of `newsletter/<N>/`. */
export interface IssueFiles {
  mjml: string;
  html: string;
  text: string;
  eml: Buffer;
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values alike, as Nunjucks' autoescape does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Renders and compiles the issue's email from its ledger snapshot (pure but for MJML's own work): MJML
 * errors and Gmail's clipping size fail it.
 */
export async function compileIssue(
  issue: LedgerIssue,
  config: SiteConfig,
  render: MjmlRenderer,
): Promise<{ compiled: CompiledIssue | null; diagnostics: Diagnostic[] }> {
  const intro = issue.intro ? await renderIntro(issue.intro.markdown) : null;
  const model = emailModel(issue, config, UNSUBSCRIBE_PLACEHOLDER, intro);
  const mjml = render(model);
  const file = `newsletter/${issue.number}/email.mjml`;
  const result = await compileMjml(mjml, file);
  if (result.html === null) return { compiled: null, diagnostics: result.diagnostics };
  const size = checkEmailSize(result.html, issue.entries.length, `newsletter/${issue.number}/email.html`);
  if (size.length > 0) return { compiled: null, diagnostics: size };
  return { compiled: { issue, mjml, html: result.html, text: plainText(model) }, diagnostics: [] };
}

/** The unsubscribe link of the built issue, filled for no one: the generic URL, a merge tag, or mailto. */
export function genericUnsubscribeUrl(config: SiteConfig): string {
  const { unsubscribeUrl, unsubscribeMailto } = config.newsletter;
  if (unsubscribeUrl !== null) return fillUnsubscribeUrl(unsubscribeUrl, null);
  return `mailto:${unsubscribeMailto}?subject=unsubscribe`;
}

export interface Addressing {
  /** The recipient, or null for the issue's record copy. */
  to: { name: string | null; address: string } | null;
  /** The footer's unsubscribe link and the URL in `List-Unsubscribe`. */
  unsubscribeUrl: string;
  date: Date;
}

/** The issue's files with one unsubscribe URL put in (the escaped URL in HTML, the URL itself in text). */
export async function personalize(
  compiled: CompiledIssue,
  config: SiteConfig,
  to: Addressing,
): Promise<IssueFiles> {
  const escaped = escapeHtml(to.unsubscribeUrl);
  const mjml = compiled.mjml.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escaped);
  const html = compiled.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escaped);
  const text = compiled.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, to.unsubscribeUrl);
  const { issue } = compiled;
  const host = new URL(config.url).host;
  const eml = await composeEml({
    from: config.newsletter.from,
    to: to.to ? (to.to.name ? { name: to.to.name, address: to.to.address } : to.to.address) : null,
    replyTo: config.newsletter.replyTo,
    subject: issue.subject,
    date: to.date,
    messageId: messageId(issue.number, issue.date, host, to.to?.address ?? null),
    html,
    text,
    unsubscribe: listUnsubscribeHeaders(
      to.unsubscribeUrl.startsWith("mailto:") ? null : to.unsubscribeUrl,
      config.newsletter.unsubscribeMailto,
    ),
    listId: listId(config.title, new URL(config.url).hostname),
    listArchive: absoluteUrl(config, "/newsletter/"),
    // Derived from the content, so it cannot occur in it by chance and stays the same for the same input.
    baseBoundary: createHash("sha256").update(html).update(text).digest("hex").slice(0, 24),
  });
  return { mjml, html, text, eml };
}

/** Issue N's four files, not personal: the record of what was sent (and what `--issue N` rebuilds). */
export async function buildIssue(
  issue: LedgerIssue,
  config: SiteConfig,
  render: MjmlRenderer,
): Promise<{ files: IssueFiles | null; diagnostics: Diagnostic[] }> {
  const { compiled, diagnostics } = await compileIssue(issue, config, render);
  if (!compiled) return { files: null, diagnostics };
  const files = await personalize(compiled, config, {
    to: null,
    unsubscribeUrl: genericUnsubscribeUrl(config),
    date: new Date(issue.date),
  });
  return { files, diagnostics };
}
