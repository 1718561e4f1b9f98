import { readFile } from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
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
  /**
   * The editor's introduction (`--intro FILE`) as the Markdown it was written in, or null. It is rendered
   * (and escaped) anew each time it is shown; ledgers written before this kept `{ html, text }`, and
   * their `text` is read as the Markdown.
   */
  intro: { markdown: string } | null;
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

const isText = (v: unknown): v is string => typeof v === "string";
const isInstant = (v: unknown): v is string => isText(v) && !Number.isNaN(Date.parse(v));
const isTextOrNull = (v: unknown): boolean => v === null || isText(v);

/** What is wrong, and where: the path of the value below the issue, for its line. */
interface Problem {
  message: string;
  at: (string | number)[];
}

function entryProblem(e: unknown, j: number): Problem | null {
  const at = (key?: string): (string | number)[] => (key ? ["entries", j, key] : ["entries", j]);
  if (!e || typeof e !== "object") return { message: "has an entry that is not an object", at: at() };
  const o = e as Record<string, unknown>;
  for (const key of ["slug", "title", "url", "summary"])
    if (!isText(o[key]))
      return { message: `has an entry without ${key}`, at: at(o[key] === undefined ? undefined : key) };
  if (!isTextOrNull(o.source))
    return { message: `has entry "${o.slug}" with a source that is not text or null`, at: at("source") };
  if (!isInstant(o.date))
    return {
      message: `has entry "${o.slug}" with date ${JSON.stringify(o.date)} (expected ISO 8601)`,
      at: at("date"),
    };
  if (!Number.isInteger(o.readingMinutes))
    return { message: `has entry "${o.slug}" without whole readingMinutes`, at: at("readingMinutes") };
  return null;
}

function issueProblem(value: unknown, expected: number): Problem | null {
  if (!value || typeof value !== "object") return { message: "is not an object", at: [] };
  const o = value as Record<string, unknown>;
  const problem = (message: string, ...at: (string | number)[]): Problem => ({ message, at });
  if (o.number !== expected)
    return problem(`has number ${JSON.stringify(o.number)} (expected ${expected})`, "number");
  for (const key of ["date", "cutoff"])
    if (!isInstant(o[key]))
      return problem(`has ${key} ${JSON.stringify(o[key])} (expected an ISO 8601 date-time)`, key);
  for (const key of ["since", "until"])
    if (!isTextOrNull(o[key]))
      return problem(`has ${key} ${JSON.stringify(o[key])} (expected YYYY-MM-DD or null)`, key);
  for (const key of ["subject", "preheader"]) if (!isText(o[key])) return problem(`has no ${key} text`, key);
  const intro = o.intro as Record<string, unknown> | null;
  if (
    intro !== null &&
    !(intro && typeof intro === "object" && (isText(intro.markdown) || isText(intro.text)))
  )
    return problem(
      'has an intro without "markdown" text (expected "intro": { "markdown": "…" } or null)',
      "intro",
    );
  if (o.send !== undefined) {
    const send = o.send as Record<string, unknown> | null;
    if (!send || typeof send !== "object" || !isInstant(send.started))
      return problem(
        'has "send" without a "started" date-time (expected { "started": "…", "accepted": 0 })',
        "send",
      );
    if (!Number.isInteger(send.accepted) || (send.accepted as number) < 0)
      return problem(
        `has "send" with accepted ${JSON.stringify(send.accepted)} (expected a whole number)`,
        "send",
        "accepted",
      );
  }
  if (!Array.isArray(o.entries)) return problem("has no entries list", "entries");
  for (const [j, e] of o.entries.entries()) {
    const found = entryProblem(e, j);
    if (found) return found;
  }
  return null;
}

/**
 * The line of the value at `at` in the JSON text, or of the nearest enclosing value that exists (JSON is
 * YAML, so the YAML parser gives every value's position).
 */
function lineOfPath(text: string, at: (string | number)[]): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  for (let n = at.length; n >= 0; n--) {
    const node = doc.getIn(at.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * Parses and checks the ledger's text (pure). Any problem is an error naming the line; the ledger is then
 * empty, and callers must not write over a ledger they could not read.
 */
export function parseLedger(text: string, file: string): ParsedLedger {
  if (text.trim() === "")
    return {
      ledger: emptyLedger(),
      diagnostics: [
        error(
          "ledger/empty",
          file,
          0,
          `${file} is empty (expected { "start": …, "issues": [ … ] }): restore it with git checkout -- ${file} (or from a backup); delete it only if no issue was ever made`,
        ),
      ],
    };
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
    return fail(
      lineOfPath(text, ["start"]),
      `"start" is ${JSON.stringify(start)} (expected an ISO 8601 date-time or null)`,
    );
  for (const [i, issue] of issues.entries()) {
    const problem = issueProblem(issue, i + 1);
    if (problem)
      return fail(lineOfPath(text, ["issues", i, ...problem.at]), `issue ${i + 1} ${problem.message}`);
  }
  // Membership is by slug: an article goes out in one issue at most.
  const seen = new Map<string, number>();
  for (const [i, issue] of issues.entries())
    for (const [j, entry] of issue.entries.entries()) {
      const first = seen.get(entry.slug);
      if (first !== undefined && first !== issue.number)
        return fail(
          lineOfPath(text, ["issues", i, "entries", j, "slug"]),
          `issue ${issue.number} has entry "${entry.slug}", which issue ${first} already sent (an article goes out in one issue at most)`,
        );
      seen.set(entry.slug, issue.number);
    }
  // Only the Markdown (or, from older ledgers, the plain text) is kept: a stored `html` is never used.
  const normalized = issues.map((issue) => {
    const intro = issue.intro as { markdown?: string; text?: string } | null;
    return intro === null || typeof intro.markdown === "string"
      ? issue
      : { ...issue, intro: { markdown: intro.text ?? "" } };
  });
  return { ledger: { start: start ?? null, issues: normalized }, diagnostics: [] };
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
