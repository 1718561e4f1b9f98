/**
 * Which new articles' summaries are known yet, for the steps that wait on them: the pages step renders
 * the bodies (in chunks, in the workers) and reports each chunk; a feed renders as soon as all of its
 * articles are known instead of after every body in the site.
 */
export interface SummaryTracker {
  /** Settles when every file in `files` that was waiting has its summary (at once if none was). */
  when(files: readonly string[]): Promise<void>;
  /** Reports the summaries of these files known. */
  known(files: readonly string[]): void;
  /** Reports every summary known (the bodies step is over). */
  allKnown(): void;
}

/** A tracker for the given files' summaries, none known yet. */
export function createSummaryTracker(waitingFor: readonly string[]): SummaryTracker {
  const unknown = new Set(waitingFor);
  let waiters: { files: Set<string>; resolve: () => void }[] = [];
  const settle = (): void => {
    waiters = waiters.filter((waiter) => {
      for (const file of waiter.files) if (!unknown.has(file)) waiter.files.delete(file);
      if (waiter.files.size > 0) return true;
      waiter.resolve();
      return false;
    });
  };
  return {
    when(files) {
      const waiting = new Set(files.filter((file) => unknown.has(file)));
      if (waiting.size === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ files: waiting, resolve }));
    },
    known(files) {
      for (const file of files) unknown.delete(file);
      settle();
    },
    allKnown() {
      unknown.clear();
      settle();
    },
  };
}
