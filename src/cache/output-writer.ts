import { mkdirSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type BuildManifest,
  emptyManifest,
  manifestPath,
  type OutputRecord,
  writeManifestFile,
} from "./build-manifest.ts";
import { hashText } from "./hash-value.ts";

/**
 * Where a build's output files go. A cold build (no usable manifest) writes every file into the fresh
 * `staging` folder, which then replaces the output folder whole. An incremental build writes only the files
 * whose bytes changed into `staging` and, when everything succeeded, moves them into the output folder and
 * deletes the outputs that no longer exist, under a commit journal that a crashed build's successor
 * finishes. Either way a failed build leaves the output folder as it was, and an unchanged file keeps its
 * modification time.
 */
export interface OutputWriter {
  /** Whether this build updates the previous output in place (false: a complete fresh folder). */
  readonly incremental: boolean;
  readonly staging: string;
  /** The previous build's record of `file`, if the file is still exactly as that build left it. */
  previous(file: string): OutputRecord | undefined;
  /** The files the previous build recorded below a folder (`pagefind/`), whatever their state now. */
  previousFiles(prefix: string): string[];
  /** Keeps `file` as the last build made it, if it was made from `key` and is untouched; returns whether. */
  keep(file: string, key: string): boolean;
  /** Creates a folder (relative, `/`-separated) of the staging folder once, with its parents. */
  ensureDir(dir: string): void;
  /** Writes `file` unless its bytes are those already in the output; records it under `key`. */
  write(file: string, contents: string | Uint8Array, key: string, reads?: string[]): void;
  /** Records a file that a worker wrote into the staging folder (`written`) or found unchanged. */
  record(file: string, record: OutputRecord, written: boolean): void;
  /** Every output of this build so far. */
  outputs(): Record<string, OutputRecord>;
  /** How many files this build wrote (the others were kept as they were). */
  writtenCount(): number;
  /** Makes this build's output the current one (see above). */
  commit(): Promise<void>;
}

interface Journal {
  outDir: string;
  staging: string;
  moves: string[];
  deletes: string[];
}

function journalPath(cacheDir: string): string {
  return path.join(cacheDir, "commit.json");
}

function nextManifestPath(cacheDir: string): string {
  return path.join(cacheDir, "manifest.next.json");
}

/**
 * Removes the folders of deleted files that are empty now, and their parents that become empty, deepest
 * first; each folder is tried once, however many files were deleted from it.
 */
function removeEmptyFolders(outDir: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files)
    for (
      let dir = path.dirname(file);
      dir !== "." && dir !== "" && !folders.has(dir);
      dir = path.dirname(dir)
    )
      folders.add(dir);
  const deepestFirst = [...folders].sort((a, b) => b.split(/[\\/]/).length - a.split(/[\\/]/).length);
  for (const dir of deepestFirst) {
    try {
      rmdirSync(path.join(outDir, dir));
    } catch {
      // not empty (or gone): kept
    }
  }
}

/**
 * Runs `task` on every item, `limit` at a time: file system calls then overlap in libuv's thread pool,
 * which on a busy disk is several times faster than one call after another.
 */
async function eachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Concurrent file system calls in a commit. */
const COMMIT_CONCURRENCY = 16;

const ignoreMissing = (e: unknown): void => {
  if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e; // done before a crash
};

async function applyJournal(cacheDir: string, journal: Journal): Promise<void> {
  const made = new Set<string>();
  for (const file of journal.moves) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(path.join(journal.outDir, dir), { recursive: true });
      made.add(dir);
    }
  }
  await eachConcurrently(journal.moves, COMMIT_CONCURRENCY, (file) =>
    rename(path.join(journal.staging, file), path.join(journal.outDir, file)).catch(ignoreMissing),
  );
  await eachConcurrently(journal.deletes, COMMIT_CONCURRENCY, (file) =>
    unlink(path.join(journal.outDir, file)).catch(ignoreMissing),
  );
  removeEmptyFolders(journal.outDir, journal.deletes);
  try {
    await rename(nextManifestPath(cacheDir), manifestPath(cacheDir));
  } catch (e) {
    ignoreMissing(e);
  }
  await unlink(journalPath(cacheDir));
  await rm(journal.staging, { recursive: true, force: true });
}

/** Finishes an incremental commit that a crash interrupted (a journal left in the cache folder). */
export async function recoverCommit(cacheDir: string): Promise<boolean> {
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(journalPath(cacheDir), "utf8")) as Journal;
  } catch {
    return false;
  }
  await applyJournal(cacheDir, journal);
  return true;
}

export interface OutputWriterOptions {
  outDir: string;
  /** A fresh, empty folder beside the output folder. */
  staging: string;
  cacheDir: string;
  /** The last build's manifest; null for a cold build. */
  previous: BuildManifest | null;
  /** Replaces the output folder with the staging folder (a cold build's commit). */
  swap: (staging: string, outDir: string) => Promise<void>;
}

/** The output writer of one build (see `OutputWriter`). */
export function createOutputWriter(options: OutputWriterOptions): OutputWriter {
  const { outDir, staging, cacheDir, previous } = options;
  const incremental = previous !== null;
  const outputs: Record<string, OutputRecord> = {};
  const written = new Set<string>();
  const dirs = new Set<string>([""]);
  const verified = new Map<string, OutputRecord | undefined>();

  const previousOf = (file: string): OutputRecord | undefined => {
    if (!previous) return undefined;
    if (verified.has(file)) return verified.get(file);
    const record = previous.outputs[file];
    let ok: OutputRecord | undefined;
    if (record) {
      try {
        const stats = statSync(path.join(outDir, file));
        if (stats.isFile() && stats.size === record.size && stats.mtimeMs === record.mtimeMs) ok = record;
      } catch {
        ok = undefined;
      }
    }
    verified.set(file, ok);
    return ok;
  };
  const ensureDir = (dir: string): void => {
    if (dirs.has(dir)) return;
    ensureDir(path.posix.dirname(dir) === "." ? "" : path.posix.dirname(dir));
    try {
      mkdirSync(path.join(staging, dir));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    dirs.add(dir);
  };

  return {
    incremental,
    staging,
    previous: previousOf,
    previousFiles: (prefix) => Object.keys(previous?.outputs ?? {}).filter((file) => file.startsWith(prefix)),
    keep(file, key) {
      const old = previousOf(file);
      if (!old || old.key !== key) return false;
      outputs[file] = old;
      return true;
    },
    ensureDir,
    write(file, contents, key, reads) {
      const hash = hashText(contents);
      const old = previousOf(file);
      if (old && old.hash === hash) {
        outputs[file] = { ...old, key, ...(reads ? { reads } : {}) };
        return;
      }
      const dir = path.posix.dirname(file);
      ensureDir(dir === "." ? "" : dir);
      const target = path.join(staging, file);
      writeFileSync(target, contents);
      const stats = statSync(target);
      outputs[file] = { key, hash, size: stats.size, mtimeMs: stats.mtimeMs, ...(reads ? { reads } : {}) };
      written.add(file);
    },
    record(file, record, wasWritten) {
      outputs[file] = record;
      if (wasWritten) written.add(file);
    },
    outputs: () => outputs,
    writtenCount: () => (incremental ? written.size : Object.keys(outputs).length),
    async commit() {
      const manifest: BuildManifest = { ...emptyManifest(outDir), outputs };
      if (!incremental) {
        await options.swap(staging, outDir);
        await writeManifestFile(manifestPath(cacheDir), manifest);
        return;
      }
      const deletes = Object.keys(previous?.outputs ?? {}).filter((file) => !(file in outputs));
      await writeManifestFile(nextManifestPath(cacheDir), manifest);
      const journal: Journal = { outDir, staging, moves: [...written], deletes };
      const temporary = `${journalPath(cacheDir)}.tmp`;
      await writeFile(temporary, JSON.stringify(journal));
      await rename(temporary, journalPath(cacheDir));
      await applyJournal(cacheDir, journal);
    },
  };
}
