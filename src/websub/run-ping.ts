import path from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { formatDiagnostic, hasErrors } from "../shared/diagnostic.ts";
import { type PingOptions, pingHub } from "./ping-hub.ts";
import { changedFeeds, PING_STATE_FILE, readPingState, writePingState } from "./ping-state.ts";
import { readBuiltFeeds } from "./read-built-feeds.ts";

export interface RunPingOptions extends PingOptions {
  /** The project root (gazette.config.yaml, .gazette-cache/). */
  root: string;
  /** The built (deployed) site. Default `<root>/_site`. */
  outDir?: string;
  /** Say which feeds would be pinged; send and record nothing. */
  dryRun?: boolean;
}

export interface PingReporter {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run ping`: notifies `feeds.hub` of exactly the subscription feeds whose bytes changed since the last
 * successful ping (hashes kept in `.gazette-cache/websub-pings.json`), reading the built site as deployed.
 * A feed the hub did not accept stays "changed", so the next run tries it again. Returns the exit code:
 * 0 when every changed feed was accepted (or none changed), 1 otherwise.
 */
export async function runPing(options: RunPingOptions, io: PingReporter): Promise<number> {
  const loaded = await loadConfig(options.root);
  for (const d of loaded.diagnostics) io.err(formatDiagnostic(d));
  if (!loaded.config || hasErrors(loaded.diagnostics)) return 1;
  const hub = loaded.config.feeds.hub;
  if (!hub) {
    io.err(
      "gazette.config.yaml has no feeds.hub: set it to your WebSub hub's address (feeds: with hub: https://… below it) to ping it",
    );
    return 1;
  }
  const outDir = path.resolve(options.outDir ?? path.join(options.root, "_site"));
  let feeds: Awaited<ReturnType<typeof readBuiltFeeds>>;
  try {
    feeds = await readBuiltFeeds(outDir);
  } catch {
    io.err(`${outDir} cannot be read: build the site first (npm run build)`);
    return 1;
  }
  if (feeds.length === 0) {
    io.err(`${outDir} holds no feeds: build the site first (npm run build)`);
    return 1;
  }
  const state = await readPingState(options.root);
  const changed = changedFeeds(feeds, state, hub);
  if (changed.length === 0) {
    io.out(`No feed changed since the last ping (${feeds.length} feeds checked); nothing sent to ${hub}.`);
    return 0;
  }
  if (options.dryRun) {
    io.out(`Would ping ${hub} for ${changed.length} of ${feeds.length} feeds:`);
    for (const feed of changed) io.out(`  ${feed.url}`);
    return 0;
  }
  const next = { hub, feeds: state.hub === hub ? { ...state.feeds } : {} };
  let failed = 0;
  for (const feed of changed) {
    const result = await pingHub(hub, feed.url, options);
    if (result.ok) {
      next.feeds[feed.url] = feed.hash;
      io.out(`  pinged ${feed.url} (${result.status})`);
    } else {
      failed++;
      io.err(`  ${feed.url}: ${result.message}`);
    }
  }
  // Feeds that are gone are forgotten, so they count as new if they come back.
  const present = new Set(feeds.map((f) => f.url));
  for (const url of Object.keys(next.feeds)) if (!present.has(url)) delete next.feeds[url];
  await writePingState(options.root, next);
  const pinged = changed.length - failed;
  io.out(`Pinged ${hub} for ${pinged} of ${changed.length} changed feeds (${feeds.length} feeds checked).`);
  if (failed > 0) {
    io.err(
      `${failed} ping${failed === 1 ? "" : "s"} failed; run npm run ping again to retry them (${PING_STATE_FILE}).`,
    );
    return 1;
  }
  return 0;
}
