import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../shared/write-file-atomic.ts";
import type { BuiltFeed } from "./read-built-feeds.ts";

/** Where the last pinged feed bytes are remembered, below the project root (git-ignored with the cache). */
export const PING_STATE_FILE = ".gazette-cache/websub-pings.json";

/** The hashes of each feed's bytes as the hub was last told of them, and which hub that was. */
export interface PingState {
  hub: string | null;
  /** Feed URL → SHA-256 of the bytes last pinged. */
  feeds: Record<string, string>;
}

/** Reads the state; a missing or unreadable file is an empty state (every feed counts as changed). */
export async function readPingState(root: string): Promise<PingState> {
  try {
    const parsed = JSON.parse(await readFile(path.join(root, PING_STATE_FILE), "utf8")) as Partial<PingState>;
    const feeds: Record<string, string> = {};
    for (const [url, hash] of Object.entries(parsed.feeds ?? {}))
      if (typeof hash === "string") feeds[url] = hash;
    return { hub: typeof parsed.hub === "string" ? parsed.hub : null, feeds };
  } catch {
    return { hub: null, feeds: {} };
  }
}

/** Writes the state atomically (a crash leaves the old one). */
export async function writePingState(root: string, state: PingState): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(state.feeds).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(
    path.join(root, PING_STATE_FILE),
    `${JSON.stringify({ hub: state.hub, feeds: sorted }, null, 2)}\n`,
  );
}

/**
 * The feeds whose bytes differ from the last ping to `hub`: new feeds, changed ones, and all of them when
 * the hub is not the one last pinged. Feeds that disappeared are not pinged (the hub would fetch a 404).
 */
export function changedFeeds(feeds: readonly BuiltFeed[], state: PingState, hub: string): BuiltFeed[] {
  if (state.hub !== hub) return [...feeds];
  return feeds.filter((feed) => state.feeds[feed.url] !== feed.hash);
}
