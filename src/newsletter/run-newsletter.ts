import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadArticles } from "../articles/load-articles.ts";
import { loadConfig } from "../config/load-config.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { prepareImages } from "../images/prepare-images.ts";
import { acquireLock } from "../shared/acquire-lock.ts";
import { type Diagnostic, formatDiagnostic, hasErrors, sortDiagnostics } from "../shared/diagnostic.ts";
import { plural } from "../shared/plural.ts";
import { buildIssue, type IssueFiles } from "./build-issue.ts";
import { checkIssueFolders } from "./check-issue-folders.ts";
import { parseDayFlag } from "./day-flag.ts";
import { LEDGER_LOCK, type Ledger, type LedgerIssue, readLedger } from "./ledger.ts";
import { appendIssue, planIssue } from "./plan-issue.ts";
import { createMjmlRenderer } from "./render-mjml.ts";
import { candidateWindow, selectEntries } from "./select-entries.ts";
import { writeIssue } from "./write-issue.ts";
import { writeLedger } from "./write-ledger.ts";

/** What `npm run newsletter` was asked to do. */
export interface NewsletterOptions {
  /** The project root (configuration, articles/, newsletter/). */
  root: string;
  /** The clock, passed in at the CLI edge. */
  now: Date;
  since: string | null;
  until: string | null;
  /** Most entries; default the configuration's `newsletter.limit`. */
  limit: number | null;
  /** Print what would go in and write nothing. */
  dryRun: boolean;
  /** Rebuild this earlier issue from the ledger instead of making the next one. */
  issue: number | null;
  /** A Markdown file with the editor's introduction, relative to the working folder. */
  intro: string | null;
  /**
   * After making an issue, say what comes next (`nextSteps`): for the editor at the command line, not for
   * `npm run publish`, which goes on to those steps itself. Default false.
   */
  nextSteps?: boolean;
}

/**
 * What the editor does after `npm run newsletter` made issue `number`: the email links to the issue's web
 * version, which exists only once the site is built and deployed again; then the send; or the undo.
 */
export function nextSteps(number: number): string[] {
  return [
    `Next: npm run build (and deploy) so /newsletter/${number}/, which the email links to, is online;`,
    `then npm run newsletter -- send ${number}. Made too early? npm run newsletter -- undo takes it back.`,
    "(npm run publish does build, deploy and send in one go.)",
  ];
}

/** Where messages go: `out` for results, `err` for problems. */
export interface Reporter {
  out(line: string): void;
  err(line: string): void;
}

/** Prints errors, and warnings when there are few (a big archive's scheduled articles are not news here). */
function report(diagnostics: readonly Diagnostic[], io: Reporter): boolean {
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  const shown = warnings.length > 5 ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  for (const d of sortDiagnostics(shown)) io.err(formatDiagnostic(d));
  if (shown.length < diagnostics.length) io.err(`${warnings.length} warnings (npm run build lists them)`);
  return hasErrors(diagnostics);
}

function describe(issue: LedgerIssue, files: IssueFiles, io: Reporter): void {
  for (const e of issue.entries) io.out(`  ${e.date.slice(0, 10)}  ${e.title}  (${e.slug})`);
  io.out(`Subject: ${issue.subject}`);
  io.out(`HTML: ${(Buffer.byteLength(files.html) / 1000).toFixed(1)} KB`);
}

async function rebuild(
  ledger: Ledger,
  config: SiteConfig,
  options: NewsletterOptions,
  io: Reporter,
): Promise<number> {
  const issue = ledger.issues.find((i) => i.number === options.issue);
  if (!issue) {
    const known = ledger.issues.length
      ? `issues 1–${ledger.issues.length} are recorded`
      : "no issue is recorded";
    io.err(`issue ${options.issue} is not in newsletter/issues.json (${known})`);
    return 1;
  }
  const built = await buildIssue(issue, config, createMjmlRenderer());
  if (report(built.diagnostics, io) || !built.files) return 1;
  io.out(`Issue ${issue.number} (${plural(issue.entries.length, "article")}):`);
  describe(issue, built.files, io);
  if (options.dryRun) return 0;
  try {
    io.out(`Rebuilt ${(await writeIssue(options.root, issue.number, built.files)).join(", ")}`);
    return 0;
  } catch (e) {
    io.err(`cannot write issue ${issue.number}: ${(e as Error).message}`);
    return 1;
  }
}

/** The next issue, planned and built but not written, with what it needs to be recorded. */
export interface PreparedIssue {
  config: SiteConfig;
  ledger: Ledger;
  issue: LedgerIssue;
  files: IssueFiles;
  /** The first issue's window start, recorded in the ledger with it. */
  start: Date;
  /** How many candidates wait for a later issue (over `--limit`). */
  waiting: number;
}

/**
 * Reads the configuration, the ledger and the articles, and plans and builds the next issue without
 * writing anything. Returns the issue, or the exit code: 1 after printing a problem, 0 when there is
 * nothing new (said on `io.out`).
 */
export async function prepareNextIssue(
  options: NewsletterOptions,
  io: Reporter,
): Promise<PreparedIssue | number> {
  const loaded = await loadConfig(options.root);
  if (report(loaded.diagnostics, io) || !loaded.config) return 1;
  const config = loaded.config;
  const { ledger, diagnostics } = await readLedger(options.root);
  if (report(diagnostics, io)) return 1;
  const folders = await checkIssueFolders(options.root, ledger);
  if (folders) {
    io.err(folders);
    return 1;
  }
  const since = options.since === null ? null : parseDayFlag("since", options.since, config.timeZone);
  const until = options.until === null ? null : parseDayFlag("until", options.until, config.timeZone);
  for (const flag of [since, until]) {
    if (flag && !flag.ok) {
      io.err(flag.message);
      return 1;
    }
  }
  let intro = null;
  if (options.intro !== null) {
    try {
      intro = { markdown: await readFile(path.resolve(options.intro), "utf8") };
    } catch (e) {
      io.err(
        `--intro ${options.intro} cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"}): expected a Markdown file`,
      );
      return 1;
    }
  }
  // Articles dated before the candidate window can't go in; with 10,000 articles most are never parsed.
  const { from } = candidateWindow(ledger, {
    now: options.now,
    timeZone: config.timeZone,
    since: since?.ok ? since.start : null,
  });
  const collection = await loadArticles(config, {
    root: options.root,
    now: options.now,
    ...(Number.isFinite(from) ? { skipBefore: new Date(from) } : {}),
  });
  if (report(collection.diagnostics, io)) return 1;
  const selection = selectEntries(collection.published, ledger, {
    now: options.now,
    timeZone: config.timeZone,
    since: since?.ok ? since.start : null,
    until: until?.ok ? until.end : null,
    limit: options.limit ?? config.newsletter.limit,
  });
  // The email shows each entry's image from the site: its size and resized copy come from the image step.
  const images = await prepareImages(config, selection.entries, options.root);
  if (report(images.diagnostics, io)) return 1;
  const last = ledger.issues.length;
  if (selection.entries.length === 0) {
    io.out(
      last > 0 ? `no new articles since issue ${last}` : "no new articles in the last 7 days: no issue made",
    );
    return 0;
  }
  const issue = planIssue(ledger, selection, config, {
    now: options.now,
    since: options.since,
    until: options.until,
    intro,
  });
  const built = await buildIssue(issue, config, createMjmlRenderer());
  if (report(built.diagnostics, io) || !built.files) return 1;
  return {
    config,
    ledger,
    issue,
    files: built.files,
    start: selection.start,
    waiting: selection.waiting.length,
  };
}

/**
 * `npm run newsletter`: makes the next issue (or rebuilds one), the edge that reads the configuration, the
 * ledger and the articles, and writes the ledger and then the issue's files, holding the project-wide
 * lock `newsletter/issues.lock` (except for a dry run, which writes nothing). Returns the exit code.
 */
export async function runNewsletter(options: NewsletterOptions, io: Reporter): Promise<number> {
  try {
    if (options.dryRun) return await makeOrRebuild(options, io);
    // One writer at a time: the ledger is read, and the next number chosen, only under the lock.
    const lock = await acquireLock(path.join(options.root, LEDGER_LOCK), {
      shown: LEDGER_LOCK,
      command:
        options.issue === null ? "npm run newsletter" : `npm run newsletter -- --issue ${options.issue}`,
      now: new Date(),
    });
    if (!lock.ok) {
      io.err(lock.message);
      return 1;
    }
    if (lock.note) io.err(lock.note);
    try {
      return await makeOrRebuild(options, io);
    } finally {
      await lock.release();
    }
  } catch (e) {
    // The file system's surprises still end in one line, not a stack trace.
    io.err(`npm run newsletter stopped: ${(e as Error).message}`);
    return 1;
  }
}

async function makeOrRebuild(options: NewsletterOptions, io: Reporter): Promise<number> {
  if (options.issue !== null) {
    const loaded = await loadConfig(options.root);
    if (report(loaded.diagnostics, io) || !loaded.config) return 1;
    const { ledger, diagnostics } = await readLedger(options.root);
    if (report(diagnostics, io)) return 1;
    return rebuild(ledger, loaded.config, options, io);
  }
  const prepared = await prepareNextIssue(options, io);
  if (typeof prepared === "number") return prepared;
  const { config, ledger, issue, files } = prepared;
  io.out(
    `${options.dryRun ? "Would make issue" : "Issue"} ${issue.number} with ${plural(issue.entries.length, "article")}:`,
  );
  describe(issue, files, io);
  if (prepared.waiting > 0)
    io.out(
      `${plural(prepared.waiting, "more article waits", "more articles wait")} for the next issue (--limit ${options.limit ?? config.newsletter.limit})`,
    );
  if (options.dryRun) return 0;
  // The ledger first: a crash before the files leaves issue N recorded (its files come back with
  // --issue N) rather than a folder whose number the ledger does not know.
  try {
    await writeLedger(options.root, appendIssue(ledger, issue, prepared.start, config.timeZone));
  } catch (e) {
    io.err(`cannot write newsletter/issues.json: ${(e as Error).message}; nothing was changed`);
    return 1;
  }
  try {
    const written = await writeIssue(options.root, issue.number, files);
    io.out(`Wrote newsletter/issues.json and ${written.join(", ")}`);
    if (options.nextSteps) for (const line of nextSteps(issue.number)) io.out(line);
    return 0;
  } catch (e) {
    await writeLedger(options.root, ledger);
    io.err(
      `cannot write issue ${issue.number}: ${(e as Error).message}; newsletter/issues.json was put back as it was`,
    );
    return 1;
  }
}
