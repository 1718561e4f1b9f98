/**
 * A point in one build step that another step waits for: the search step starts once every article page
 * is written, while the pages step goes on with the listings and the feeds step with the feeds.
 */
export interface Milestone {
  /** Settles once `reach` is called (at once if it was already). */
  readonly reached: Promise<void>;
  /** Whether `reach` was called. */
  readonly done: boolean;
  /** Marks the point reached; later calls do nothing. */
  reach(): void;
}

/** A milestone not reached yet. */
export function createMilestone(): Milestone {
  let resolve: () => void = () => {};
  let done = false;
  const reached = new Promise<void>((settle) => {
    resolve = settle;
  });
  return {
    reached,
    get done() {
      return done;
    },
    reach() {
      if (done) return;
      done = true;
      resolve();
    },
  };
}
