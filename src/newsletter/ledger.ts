import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, error } from "../shared/diagnostic.ts";

/** Where the ledger lives, relative to the project root. */
export const LEDGER_FILE = "newsletter/issues.json";

/** The project-wide lock that one run at a time holds to make an issue or change the ledger. */
export const LEDGER_LOCK = "newsletter/issues.lock";

/**
 * One article as it went out in an issue: a snapshot, so the web version and `--issue N` never need the
 * article file again (it may have been edited or deleted since).
 */
export interface LedgerEntry {
  /** The article's slug: membership in issues is by slug. */
  slug: string;
  title: string;
  /** Site-relative URL without the path prefix, as `articleUrl` gave it: `/2019/01/slug/`. */
  url: string;
  summary: string;
  /** The source's name, or null when the article has none. */
  source: string | null;
  /** Publication instant, ISO 8601 with the site zone's offset. */
  date: string;
  readingMinutes: number;
}

/** How far sending an issue got: recorded so that a lost send log cannot make everyone get it twice. */
export interface SendProgress {
  /** When the first send run for this issue began to hand messages to the relay, ISO 8601. */
  started: string;
  /** Recipients the relay had taken (answered 250) by the end of the latest run. */
  accepted: number;
}

/** One issue as recorded when it was made. */
export interface LedgerIssue {
  /** 1, 2, 3, … without gaps. */
  number: number;
  /** When the issue was made: ISO 8601 with the site zone's offset. Also the email's `Date`. */
  date: string;
  /** The newest instant the selection considered (the clock, or the end of `--until`), ISO 8601. */
  cutoff: string;
  /** The `--since` day given (YYYY-MM-DD), or null. */
  since: string | null;
  /** The `--until` day given (YYYY-MM-DD), or null. */
  until: string | null;
  subject: string;
  /** The inbox preview line, without the filler that follows it in the email. */
  preheader: string;
  /** The editor's introduction (`--intro FILE`) rendered once, or null. */
  intro: { html: string; text: string } | null;
  /** Newest first, as they appear in the email. */
  entries: LedgerEntry[];
  /** Set once sending began (`send N`); absent before. */
  send?: SendProgress;
}

/** `newsletter/issues.json`: every issue made so far, oldest first. */
export interface Ledger {
  /**
   * The start of the first issue's window (ISO 8601), or null before issue 1. Articles dated earlier
   * predate the newsletter and are never candidates; move it back by hand to send older articles.
   */
  start: string | null;
  issues: LedgerIssue[];
}

/** The empty ledger: no issue made yet. */
export function emptyLedger(): Ledger {
  return { start: null, issues: [] };
}

export interface ParsedLedger {
  ledger: Ledger;
  diagnostics: Diagnostic[];
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line of a JSON.parse error: from "position N" when the message has it, else from the excerpt that
 * V8 quotes (`Unexpected token ',', ..."issues": [,]" is not valid JSON`).
 */
function jsonErrorLine(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  const excerpt = /Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(
    message,
  );
  if (!excerpt?.[2]) return 0;
  const at = text.indexOf(excerpt[2]);
  return at < 0 ? 0 : lineAt(text, at + Math.max(0, excerpt[2].indexOf(excerpt[1] ?? "")));
}

/** The line of the n-th (0-based) `"number":` key: issues are the only objects with one. */
function issueLine(text: string, n: number): number {
  const re = /"number"\s*:/g;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= n; i++) {
    match = re.exec(text);
    if (!match) return 0;
  }
  return match ? lineAt(text, match.index) : 0;
}

const isText = (v: unknown): v is string => typeof v === "string";
const isInstant = (v: unknown): v is string => isText(v) && !Number.isNaN(Date.parse(v));
const isTextOrNull = (v: unknown): boolean => v === null || isText(v);

function entryProblem(e: unknown): string | null {
  if (!e || typeof e !== "object") return "has an entry that is not an object";
  const o = e as Record<string, unknown>;
  for (const key of ["slug", "title", "url", "summary"])
    if (!isText(o[key])) return `has an entry without ${key}`;
  if (!isTextOrNull(o.source)) return `has entry "${o.slug}" with a source that is not text or null`;
  if (!isInstant(o.date))
    return `has entry "${o.slug}" with date ${JSON.stringify(o.date)} (expected ISO 8601)`;
  if (!Number.isInteger(o.readingMinutes)) return `has entry "${o.slug}" without whole readingMinutes`;
  return null;
}

function issueProblem(value: unknown, expected: number): string | null {
  if (!value || typeof value !== "object") return "is not an object";
  const o = value as Record<string, unknown>;
  if (o.number !== expected) return `has number ${JSON.stringify(o.number)} (expected ${expected})`;
  for (const key of ["date", "cutoff"])
    if (!isInstant(o[key])) return `has ${key} ${JSON.stringify(o[key])} (expected an ISO 8601 date-time)`;
  for (const key of ["since", "until"])
    if (!isTextOrNull(o[key])) return `has ${key} ${JSON.stringify(o[key])} (expected YYYY-MM-DD or null)`;
  for (const key of ["subject", "preheader"]) if (!isText(o[key])) return `has no ${key} text`;
  const intro = o.intro as Record<string, unknown> | null;
  if (intro !== null && !(intro && isText(intro.html) && isText(intro.text)))
    return "has an intro without html and text";
  if (o.send !== undefined) {
    const send = o.send as Record<string, unknown> | null;
    if (!send || typeof send !== "object" || !isInstant(send.started))
      return 'has "send" without a "started" date-time (expected { "started": "…", "accepted": 0 })';
    if (!Number.isInteger(send.accepted) || (send.accepted as number) < 0)
      return `has "send" with accepted ${JSON.stringify(send.accepted)} (expected a whole number)`;
  }
  if (!Array.isArray(o.entries)) return "has no entries list";
  for (const e of o.entries) {
    const problem = entryProblem(e);
    if (problem) return problem;
  }
  return null;
}

/**
 * Parses and checks the ledger's text (pure). Any problem is an error naming the line; the ledger is then
 * empty, and callers must not write over a ledger they could not read.
 */
export function parseLedger(text: string, file: string): ParsedLedger {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const line = jsonErrorLine(text, (e as Error).message);
    return {
      ledger: emptyLedger(),
      diagnostics: [error("ledger/json", file, line, `${file} is not valid JSON: ${(e as Error).message}`)],
    };
  }
  const fail = (line: number, message: string): ParsedLedger => ({
    ledger: emptyLedger(),
    diagnostics: [error("ledger/shape", file, line, message)],
  });
  if (!data || typeof data !== "object" || !Array.isArray((data as Ledger).issues))
    return fail(1, `${file} has no "issues" list (expected { "start": …, "issues": [ … ] })`);
  const { start, issues } = data as Ledger;
  if (start !== null && !isInstant(start))
    return fail(1, `"start" is ${JSON.stringify(start)} (expected an ISO 8601 date-time or null)`);
  for (const [i, issue] of issues.entries()) {
    const problem = issueProblem(issue, i + 1);
    if (problem) return fail(issueLine(text, i), `issue ${i + 1} ${problem}`);
  }
  return { ledger: { start: start ?? null, issues }, diagnostics: [] };
}

/** Reads `<root>/newsletter/issues.json` (the edge). A missing file is the empty ledger. */
export async function readLedger(root: string): Promise<ParsedLedger> {
  let text: string;
  try {
    text = await readFile(path.join(root, LEDGER_FILE), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { ledger: emptyLedger(), diagnostics: [] };
    return {
      ledger: emptyLedger(),
      diagnostics: [
        error("ledger/unreadable", LEDGER_FILE, 0, `${LEDGER_FILE} cannot be read: ${(e as Error).message}`),
      ],
    };
  }
  return parseLedger(text, LEDGER_FILE);
}
