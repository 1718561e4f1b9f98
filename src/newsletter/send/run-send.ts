import { loadConfig } from "../../config/load-config.ts";
import type { SiteConfig } from "../../config/site-config.ts";
import { formatDiagnostic, hasErrors } from "../../shared/diagnostic.ts";
import { plural } from "../../shared/plural.ts";
import { type CompiledIssue, compileIssue, personalize } from "../build-issue.ts";
import { readLedger } from "../ledger.ts";
import { createMjmlRenderer } from "../render-mjml.ts";
import type { Reporter } from "../run-newsletter.ts";
import {
  needsToken,
  recipientUnsubscribeUrl,
  secretProblem,
  UNSUBSCRIBE_SECRET_ENV,
} from "../unsubscribe.ts";
import { planSend } from "./plan-send.ts";
import { parseRate } from "./rate.ts";
import { isEmailAddress, readSubscribers, type Subscriber } from "./read-subscribers.ts";
import { formatProgress, sendIssue } from "./send-issue.ts";
import { openSendLog, readSendLog, sendLogPath } from "./send-log.ts";
import { smtpSettings } from "./smtp-settings.ts";
import { openRelay } from "./smtp-transport.ts";

/** What `npm run newsletter -- send <N> …` was asked to do. */
export interface SendCommand {
  root: string;
  issue: number;
  /** The subscribers CSV; not needed with `test`. */
  to: string | null;
  dryRun: boolean;
  /** Send one copy to this address only, outside the log. */
  test: string | null;
  /** `--rate`, default `10/s`. */
  rate: string | null;
  resendUnknown: boolean;
  retryFailed: boolean;
  /** The environment (SMTP settings, unsubscribe secret). */
  env: Record<string, string | undefined>;
  /** First retry delay in ms, doubled each time (default 1000). */
  backoffMs: number;
}

/** A reporter that can also show a progress line (rewritten in place on a terminal). */
export interface SendReporter extends Reporter {
  progress(line: string, last: boolean): void;
}

function composer(compiled: CompiledIssue, config: SiteConfig, secret: string | null, now: Date) {
  return (s: Subscriber): Promise<Buffer> =>
    personalize(compiled, config, {
      to: { name: s.name, address: s.email },
      unsubscribeUrl: recipientUnsubscribeUrl(
        config.newsletter.unsubscribeUrl,
        config.newsletter.unsubscribeMailto,
        s.email,
        secret,
      ),
      date: now,
    }).then((files) => files.eml);
}

function envelopeFrom(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * `npm run newsletter -- send <N>` (the edge): checks everything before the first message (issue, CSV,
 * SMTP settings, secret), then sends issue N to each subscriber with their own unsubscribe link, keeping
 * the send log. Returns the exit code: 0 when every recipient was taken or refused for good (reported),
 * 1 on bad input or when some are left for a rerun (temporary failures, unknown after a crash).
 */
export async function runSend(command: SendCommand, io: SendReporter): Promise<number> {
  const fail = (message: string): number => {
    io.err(message);
    return 1;
  };
  const loaded = await loadConfig(command.root);
  for (const d of loaded.diagnostics) if (d.severity === "error") io.err(formatDiagnostic(d));
  if (!loaded.config) return 1;
  const config = loaded.config;
  const { ledger, diagnostics } = await readLedger(command.root);
  if (hasErrors(diagnostics)) return fail(diagnostics.map(formatDiagnostic).join("\n"));
  const issue = ledger.issues.find((i) => i.number === command.issue);
  if (!issue)
    return fail(
      `issue ${command.issue} is not in newsletter/issues.json: make it first with npm run newsletter`,
    );
  const rate = parseRate(command.rate ?? "10/s");
  if (!rate.ok) return fail(rate.message);
  if (command.test !== null && !isEmailAddress(command.test))
    return fail(`--test "${command.test}" is not an email address`);
  if (command.test === null && command.to === null)
    return fail("send needs --to FILE, the subscribers CSV (or --test ADDRESS for one copy to yourself)");

  const template = config.newsletter.unsubscribeUrl;
  const secret = command.env[UNSUBSCRIBE_SECRET_ENV] || null;
  if (!command.dryRun) {
    if (template !== null && !template.includes("{") && !/^https?:/i.test(template))
      return fail(
        `unsubscribe_url "${template}" is a merge tag: SMTP sending needs a URL template with {email} or {token}`,
      );
    const problem = needsToken(template) ? secretProblem(secret) : null;
    if (problem) return fail(problem);
  }
  const smtp = command.dryRun ? null : smtpSettings(command.env);
  if (smtp && !smtp.ok) return fail(smtp.message);
  const subscribers = command.test !== null ? null : await readSubscribers(command.to ?? "");
  if (subscribers) {
    const errors = subscribers.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) return fail(errors.map(formatDiagnostic).join("\n"));
    for (const d of subscribers.diagnostics) io.err(formatDiagnostic(d));
  }

  const { compiled, diagnostics: built } = await compileIssue(issue, config, createMjmlRenderer());
  if (!compiled) return fail(built.map(formatDiagnostic).join("\n"));
  const compose = composer(compiled, config, secret, new Date());

  if (command.test !== null) {
    if (command.dryRun) {
      io.out(`Would send one test copy of issue ${issue.number} to ${command.test}`);
      return 0;
    }
    if (!smtp?.ok) return 1;
    const relay = openRelay(smtp.settings, envelopeFrom(config.newsletter.from));
    try {
      const raw = await compose({ email: command.test, name: null, line: 0 });
      io.out(
        `Test copy of issue ${issue.number} to ${command.test}: ${await relay.deliver(command.test, raw)}`,
      );
      return 0;
    } catch (e) {
      return fail(`test copy to ${command.test} not sent: ${(e as Error).message}`);
    } finally {
      relay.close();
    }
  }

  const list = subscribers?.subscribers ?? [];
  const plan = planSend(list, await readSendLog(command.root, issue.number), command);
  const skipped = [
    subscribers?.unsubscribed ? `${subscribers.unsubscribed} unsubscribed` : "",
    subscribers?.duplicates ? plural(subscribers.duplicates, "duplicate") : "",
    plan.alreadySent.length ? `${plan.alreadySent.length} already sent` : "",
  ].filter(Boolean);
  for (const { subscriber, response } of plan.failedBefore)
    io.err(`${subscriber.email}: refused before (${response}); not retried (--retry-failed sends again)`);
  for (const s of plan.unknown)
    io.err(
      `${s.email}: unknown, a crash left it pending (the relay may have it); skipped (--resend-unknown sends again)`,
    );
  if (command.dryRun) {
    io.out(
      `Would send issue ${issue.number} to ${plural(plan.queue.length, "recipient")}${skipped.length ? ` (skipping ${skipped.join(", ")})` : ""}:`,
    );
    for (const s of plan.queue) io.out(`  ${s.email}`);
    return 0;
  }
  if (!smtp?.ok) return 1;
  io.out(
    `Sending issue ${issue.number} to ${plural(plan.queue.length, "recipient")} through ${smtp.settings.label}${skipped.length ? ` (skipping ${skipped.join(", ")})` : ""}`,
  );
  const relay = openRelay(smtp.settings, envelopeFrom(config.newsletter.from));
  const log = await openSendLog(command.root, issue.number);
  let summary: Awaited<ReturnType<typeof sendIssue>>;
  try {
    summary = await sendIssue(
      plan.queue,
      {
        deliver: relay.deliver,
        compose,
        log,
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        progress: (p) => io.progress(formatProgress(p), p.remaining === 0),
      },
      { perSecond: rate.perSecond, tries: 4, backoffMs: command.backoffMs },
    );
  } finally {
    await log.close();
    relay.close();
  }
  for (const f of summary.failed) io.err(`${f.email}: refused (${f.response})`);
  for (const f of summary.deferred)
    io.err(`${f.email}: not taken after 4 tries (${f.response}); run again later`);
  io.out(
    `Issue ${issue.number}: ${summary.sent.length} sent, ${summary.failed.length} refused, ${summary.deferred.length} to retry, ` +
      `${plan.unknown.length} unknown; log in ${sendLogPath(issue.number)}`,
  );
  return summary.deferred.length > 0 || plan.unknown.length > 0 ? 1 : 0;
}
