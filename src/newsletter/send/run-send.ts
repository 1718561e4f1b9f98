import path from "node:path";
import { loadConfig } from "../../config/load-config.ts";
import type { SiteConfig } from "../../config/site-config.ts";
import { acquireLock } from "../../shared/acquire-lock.ts";
import { formatDiagnostic, hasErrors } from "../../shared/diagnostic.ts";
import { plural } from "../../shared/plural.ts";
import { type CompiledIssue, compileIssue, personalize } from "../build-issue.ts";
import { checkIssueFolders, issueFolders } from "../check-issue-folders.ts";
import { type LedgerIssue, readLedger } from "../ledger.ts";
import { recordSendProgress } from "../record-send-progress.ts";
import { createMjmlRenderer } from "../render-mjml.ts";
import type { Reporter } from "../run-newsletter.ts";
import { recipientUnsubscribeUrl, UNSUBSCRIBE_SECRET_ENV } from "../unsubscribe.ts";
import { withLedgerProgress } from "./ledger-progress-log.ts";
import { planSend } from "./plan-send.ts";
import { parseRate } from "./rate.ts";
import { isEmailAddress, readSubscribers, type Subscriber, type SubscriberList } from "./read-subscribers.ts";
import type { RecipientSource } from "./recipient-source.ts";
import { formatProgress, sendIssue } from "./send-issue.ts";
import {
  openSendLog,
  type ParsedSendLog,
  readSendLog,
  type SendLogRead,
  sendLockPath,
  sendLogPath,
} from "./send-log.ts";
import { sendSettingsProblem } from "./send-settings-problem.ts";
import { type SmtpSettings, smtpSettings } from "./smtp-settings.ts";
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
  /** Without `to`: the subscribers store (the confirmed subscribers; a 5xx marks an address bounced). */
  recipients?: RecipientSource | null;
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
  try {
    return await send(command, io);
  } catch (e) {
    // Programming mistakes and the file system's surprises still end in one line, not a stack trace.
    io.err(`send ${command.issue} stopped: ${(e as Error).message}`);
    return 1;
  }
}

/**
 * The recipients of a send: the subscribers in `--to FILE`, else the confirmed subscribers of the store.
 * This is the one place that says who gets an issue.
 */
async function readRecipients(command: SendCommand): Promise<SubscriberList> {
  if (command.to === null && command.recipients) return command.recipients.load();
  return readSubscribers(command.to ?? "");
}

async function send(command: SendCommand, io: SendReporter): Promise<number> {
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
  if (!issue) {
    // Its folder without its ledger entry: the ledger was lost or rolled back, not an issue to make.
    const lost = await checkIssueFolders(command.root, ledger);
    if (lost && (await issueFolders(command.root)).includes(command.issue)) return fail(lost);
    return fail(
      `issue ${command.issue} is not in newsletter/issues.json: make it first with npm run newsletter`,
    );
  }
  const rate = parseRate(command.rate ?? "10/s");
  if (!rate.ok) return fail(rate.message);
  if (command.test !== null && !isEmailAddress(command.test))
    return fail(`--test "${command.test}" is not an email address`);
  if (command.test === null && command.to === null && !command.recipients)
    return fail("send needs --to FILE, the subscribers CSV (or --test ADDRESS for one copy to yourself)");

  const secret = command.env[UNSUBSCRIBE_SECRET_ENV] || null;
  const problem = sendSettingsProblem(config, command.env);
  if (problem && !command.dryRun) return fail(problem);
  // A dry run lists the recipients all the same, and says what the real send would stop at.
  if (problem) io.err(`note: the send itself would stop here: ${problem}`);
  const smtp = command.dryRun ? null : smtpSettings(command.env);
  if (smtp && !smtp.ok) return fail(smtp.message);
  for (const w of smtp?.ok ? smtp.warnings : []) io.err(w);
  const subscribers = command.test !== null ? null : await readRecipients(command);
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
        `Test copy of issue ${issue.number} to ${command.test}: ${await relay.deliver(command.test, raw, async () => {})}`,
      );
      return 0;
    } catch (e) {
      return fail(`test copy to ${command.test} not sent: ${(e as Error).message}`);
    } finally {
      relay.close();
    }
  }

  const list = subscribers?.subscribers ?? [];
  if (command.dryRun) {
    const read = await readSendLog(command.root, issue.number);
    if (!read.ok) return fail(read.message);
    const problem = logProblem(issue, read, io);
    if (problem) return fail(problem);
    const { plan, skipped } = planAndReport(list, subscribers, read.log, command, io);
    io.out(
      `Would send issue ${issue.number} to ${plural(plan.queue.length, "recipient")}${skipped.length ? ` (skipping ${skipped.join(", ")})` : ""}:`,
    );
    for (const s of plan.queue) io.out(`  ${s.email}`);
    return 0;
  }
  if (!smtp?.ok) return 1;

  // One run at a time per issue: the log is read only once this run holds the lock, so two runs can never
  // both see someone as not yet sent.
  const lock = await acquireLock(path.join(command.root, sendLockPath(issue.number)), {
    shown: sendLockPath(issue.number),
    command: `npm run newsletter -- send ${issue.number}`,
    now: new Date(),
  });
  if (!lock.ok) return fail(lock.message);
  if (lock.note) io.err(lock.note);
  try {
    return await sendLocked(command, io, {
      issue,
      list,
      subscribers,
      smtp: smtp.settings,
      compose,
      config,
      rate: rate.perSecond,
    });
  } finally {
    await lock.release();
  }
}

interface LockedSend {
  issue: LedgerIssue;
  list: Subscriber[];
  subscribers: SubscriberList | null;
  smtp: SmtpSettings;
  compose: (s: Subscriber) => Promise<Buffer>;
  config: SiteConfig;
  rate: number;
}

/** The send itself, under the issue's lock: read the log strictly, record the start, send, record the count. */
async function sendLocked(command: SendCommand, io: SendReporter, run: LockedSend): Promise<number> {
  const { issue } = run;
  const read = await readSendLog(command.root, issue.number);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  const problem = logProblem(issue, read, io);
  if (problem) {
    io.err(problem);
    return 1;
  }
  const { plan, skipped } = planAndReport(run.list, run.subscribers, read.log, command, io);
  io.out(
    `Sending issue ${issue.number} to ${plural(plan.queue.length, "recipient")} through ${run.smtp.label}${skipped.length ? ` (skipping ${skipped.join(", ")})` : ""}`,
  );
  const alreadyAccepted = read.log.sent;
  const relay = openRelay(run.smtp, envelopeFrom(run.config.newsletter.from));
  if (plan.queue.length > 0) {
    try {
      await relay.ready();
    } catch (e) {
      relay.close();
      const tls = run.smtp.requireTLS && (e as { code?: string }).code === "ETLS";
      const hint = tls
        ? " (SMTP_USER is set, so the connection must be encrypted: use a relay that offers STARTTLS, SMTP_SECURE=true for TLS on port 465, or SMTP_INSECURE=true for a relay on this machine)"
        : "";
      io.err(`${run.smtp.label} cannot be used: ${(e as Error).message}${hint}; nothing was sent`);
      return 1;
    }
  }
  // From the first `pending` line on, issues.json records the send, so an emptied or deleted log is refused
  // instead of sent again.
  const log = withLedgerProgress(await openSendLog(command.root, issue.number, read.log), {
    alreadyAccepted,
    record: (progress) => recordSendProgress(command.root, issue.number, progress, new Date()),
    now: () => Date.now(),
    everyMs: 1000,
  });
  let summary: Awaited<ReturnType<typeof sendIssue>>;
  try {
    summary = await sendIssue(
      plan.queue,
      {
        deliver: relay.deliver,
        compose: run.compose,
        log,
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        progress: (p) => io.progress(formatProgress(p), p.remaining === 0),
      },
      { perSecond: run.rate, tries: 4, backoffMs: command.backoffMs },
    );
  } catch (e) {
    await log.close();
    for (const w of log.warnings) io.err(`warning: ${w}`);
    io.err(
      `sending issue ${issue.number} stopped: ${(e as Error).message}; ${sendLogPath(issue.number)} holds every result so far: run again to go on`,
    );
    return 1;
  } finally {
    relay.close();
  }
  await log.close();
  for (const w of log.warnings) io.err(`warning: ${w} (the send log is complete)`);
  for (const f of summary.failed) io.err(`${f.email}: refused (${f.response})`);
  if (command.to === null && command.recipients) {
    // Refused for good: the store suppresses the address (refused in an earlier run too, should that run
    // have stopped before it could say so).
    const refused = [
      ...summary.failed,
      ...plan.failedBefore.map((f) => ({ email: f.subscriber.email, response: f.response })),
    ];
    for (const f of refused) await command.recipients.refused(f.email, f.response);
    if (refused.length > 0)
      io.err(
        `${plural(refused.length, "address", "addresses")} marked bounced in ${command.recipients.label}`,
      );
  }
  for (const f of summary.deferred)
    io.err(`${f.email}: not taken after 4 tries (${f.response}); run again later`);
  io.out(
    `Issue ${issue.number}: ${summary.sent.length} sent, ${summary.failed.length} refused, ${summary.deferred.length} to retry, ` +
      `${plan.unknown.length} unknown; log in ${sendLogPath(issue.number)}`,
  );
  return summary.deferred.length > 0 || plan.unknown.length > 0 ? 1 : 0;
}

/**
 * Why the send log cannot be trusted, or null: a line that is not a record (errors, each printed), or a
 * log that is missing, empty or shorter than the ledger says the relay took (lost: sending again would give
 * those readers a second copy). A torn last line is only reported.
 */
function logProblem(
  issue: LedgerIssue,
  read: Extract<SendLogRead, { ok: true }>,
  io: Reporter,
): string | null {
  const shown = sendLogPath(issue.number);
  const errors = read.log.diagnostics.filter((d) => d.severity === "error");
  for (const d of read.log.diagnostics) if (d.severity === "warning") io.err(formatDiagnostic(d));
  if (errors.length > 0)
    return `${errors.map(formatDiagnostic).join("\n")}\n${shown}: ${errors.length} line${errors.length === 1 ? " is" : "s are"} not a send record; nothing was sent`;
  const progress = issue.send;
  if (!progress) return null;
  const state = !read.exists
    ? "is missing"
    : read.log.records === 0
      ? "is empty"
      : read.log.sent < progress.accepted
        ? `lists ${read.log.sent} recipients as sent`
        : null;
  if (state === null) return null;
  return (
    `${shown} ${state}, but newsletter/issues.json records that sending issue ${issue.number} began at ${progress.started} ` +
    `and the relay took ${progress.accepted} messages: sending now would give those readers a second copy. ` +
    `Restore the log from a backup; if you are sure nobody has issue ${issue.number}, remove its "send" entry from newsletter/issues.json and run again`
  );
}

/** The plan for this run, with what it skips and why reported. */
function planAndReport(
  list: Subscriber[],
  subscribers: SubscriberList | null,
  log: ParsedSendLog,
  command: SendCommand,
  io: Reporter,
) {
  const plan = planSend(list, log.latest, command);
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
  return { plan, skipped };
}
