import type { Article } from "../articles/article.ts";
import { compareNewestFirst } from "../articles/check-collection.ts";
import { lastSevenDaysStart } from "./day-flag.ts";
import type { Ledger } from "./ledger.ts";

export interface SelectOptions {
  /** The clock: nothing dated after it is selected. */
  now: Date;
  timeZone: string;
  /** Start of the `--since` day, or null. */
  since: Date | null;
  /** End of the `--until` day, or null. */
  until: Date | null;
  /** Most entries in the issue. */
  limit: number;
}

export interface Selection {
  /** The issue's entries, newest first (the order of the email). */
  entries: Article[];
  /** Candidates beyond the limit: they wait for the next issue. */
  waiting: Article[];
  /** The ledger's start: for the first issue, `--since` or the start of the last 7 days. */
  start: Date;
  /** The newest instant considered: the clock, or the end of `--until` if earlier. */
  cutoff: Date;
}

/** Oldest first, so a backlog beyond the limit goes out in order and nothing waits for ever. */
function compareOldestFirst(a: Article, b: Article): number {
  return a.date.getTime() - b.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Where the next issue's candidates begin: `start` is the ledger's start (for the first issue, `--since`
 * or the start of the last 7 days); `from` is the later of it and `--since`, in milliseconds. No article
 * dated before `from` can go in the issue, so loading can skip them.
 */
export function candidateWindow(
  ledger: Ledger,
  options: Pick<SelectOptions, "now" | "timeZone" | "since">,
): { start: Date; from: number } {
  const start =
    ledger.start !== null
      ? new Date(ledger.start)
      : (options.since ?? lastSevenDaysStart(options.now, options.timeZone));
  return { start, from: Math.max(start.getTime(), options.since?.getTime() ?? Number.NEGATIVE_INFINITY) };
}

/**
 * Chooses the next issue's entries (pure). A candidate is a published article that is in no issue yet
 * (membership is by slug, so an edited date never sends an article twice), dated between the ledger's
 * start and the cutoff, and inside `--since`/`--until` when given. An article dated before the previous
 * issue's cutoff but never sent (back-dated, or added late) is a candidate too: nothing is left out.
 * The first issue's window is the last 7 days unless `--since` says otherwise; it becomes the ledger's start.
 */
export function selectEntries(
  published: readonly Article[],
  ledger: Ledger,
  options: SelectOptions,
): Selection {
  const sent = new Set<string>();
  for (const issue of ledger.issues) for (const entry of issue.entries) sent.add(entry.slug);
  const { start, from } = candidateWindow(ledger, options);
  const cutoff =
    options.until && options.until.getTime() < options.now.getTime() ? options.until : options.now;
  const candidates = published.filter((a) => {
    const t = a.date.getTime();
    return t >= from && t <= cutoff.getTime() && !sent.has(a.slug);
  });
  candidates.sort(compareOldestFirst);
  const entries = candidates.slice(0, options.limit).sort(compareNewestFirst);
  return { entries, waiting: candidates.slice(options.limit), start, cutoff };
}
