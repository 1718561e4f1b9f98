import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A subscription feed as it was built: its topic URL (its own `rel="self"`) and a hash of its bytes. */
export interface BuiltFeed {
  /** Path below the output folder, with `/`: `tags/iran/atom.xml`. */
  file: string;
  /** The feed's own absolute URL, as subscribers and the hub know it. */
  url: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
}

const FEED_NAMES = new Set(["feed.xml", "atom.xml", "feed.json"]);

/**
 * The feed's own URL: Atom `<link rel="self" href>`, RSS `<atom:link href rel="self">`, JSON Feed
 * `feed_url`; null when it names none.
 */
export function selfUrl(text: string, file: string): string | null {
  if (file.endsWith(".json")) {
    try {
      const url = (JSON.parse(text) as { feed_url?: unknown }).feed_url;
      return typeof url === "string" ? url : null;
    } catch {
      return null;
    }
  }
  const match =
    /<link rel="self" href="([^"]+)"/.exec(text) ?? /<atom:link href="([^"]+)" rel="self"/.exec(text);
  return match?.[1] ? match[1].replace(/&amp;/g, "&") : null;
}

/**
 * Every subscription feed in a built site: the files named `feed.xml`, `atom.xml` and `feed.json`,
 * except the monthly archives under `archive/` (RFC 5005 archives are not pushed: they do not change once
 * their month is over). Sorted by file.
 */
export async function readBuiltFeeds(outDir: string): Promise<BuiltFeed[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const feeds: BuiltFeed[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !FEED_NAMES.has(entry.name)) continue;
    const file = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (file.startsWith("archive/")) continue;
    const bytes = await readFile(path.join(outDir, file));
    const url = selfUrl(bytes.toString("utf8"), file);
    if (!url) continue;
    feeds.push({ file, url, hash: createHash("sha256").update(bytes).digest("hex") });
  }
  return feeds.sort((a, b) => (a.file < b.file ? -1 : 1));
}
