import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic, writeSynced } from "./write-file-atomic.ts";

/** What a lock file records about the process that holds it. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it took the lock, ISO 8601. */
  started: string;
  /** What it is doing, for the message another run prints: `npm run newsletter -- send 3`. */
  command: string;
  /** Tells this holder's file from a later one with the same pid. */
  token: string;
}

export type LockResult =
  | {
      ok: true;
      /** Removes the lock, if it is still this run's. */
      release(): Promise<void>;
      /** Set when a lock left by a process that is gone was taken over: say so. */
      note: string | null;
    }
  | { ok: false; message: string };

export interface LockOptions {
  /** The lock file as shown in messages (relative to the project root). */
  shown: string;
  /** What this run is doing, recorded for the message another run prints. */
  command: string;
  /** The clock, for the start time. */
  now: Date;
  /** Whether a process of this host is still running. Default: signal 0. */
  isAlive?: (pid: number) => boolean;
  /** This machine's name. Default `os.hostname()`. */
  host?: string;
  /** Keep trying this long while another run holds the lock (default 0: answer at once). */
  waitMs?: number;
}

/** Signal 0 checks that a process exists without touching it; EPERM means it exists as another user. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const o = JSON.parse(text) as Partial<LockHolder>;
    if (
      Number.isInteger(o.pid) &&
      typeof o.host === "string" &&
      typeof o.started === "string" &&
      typeof o.command === "string" &&
      typeof o.token === "string"
    )
      return o as LockHolder;
  } catch {
    // Not ours: reported as such.
  }
  return null;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * Creates `file` holding `content`, atomically and only if it does not exist: the content is written to a
 * temporary file first and hard-linked into place (link fails with EEXIST like O_EXCL, and nobody ever
 * sees a half-written lock). Where hard links are not supported, `open(file, "wx")` does the same job.
 */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temp = await writeTemporary(file, content);
  try {
    await link(temp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
    try {
      await writeSynced(file, content, "wx");
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** Writes `content` to a new temporary file beside `file`, synced, and returns its name. */
async function writeTemporary(file: string, content: string): Promise<string> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeSynced(temp, content, "wx");
  return temp;
}

function busyMessage(shown: string, holder: LockHolder | null, text: string, host: string): string {
  if (!holder)
    return `${shown} is held, but is not a Gazette lock (it reads ${JSON.stringify(text.slice(0, 60))}); if no other run is going on, delete ${shown} and run again`;
  const where = holder.host === host ? "" : ` on ${holder.host}`;
  return `${shown}: ${holder.command} is already running (pid ${holder.pid}${where}, since ${holder.started}); wait for it to finish, or if that process is gone, delete ${shown} and run again`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock `file` for this process (the edge): one writer at a time. The file records pid, host,
 * start time and command. When another live process holds it (or one on another host, which cannot be
 * checked), the result is one line saying who, since when, and what to do if that process is gone. A lock
 * whose process is no longer running on this host is taken over, and `note` says so.
 */
export async function acquireLock(file: string, options: LockOptions): Promise<LockResult> {
  const host = options.host ?? os.hostname();
  const isAlive = options.isAlive ?? processIsAlive;
  const mine: LockHolder = {
    pid: process.pid,
    host,
    started: options.now.toISOString(),
    command: options.command,
    token: randomBytes(12).toString("hex"),
  };
  const content = `${JSON.stringify(mine)}\n`;
  await mkdir(path.dirname(file), { recursive: true });
  const release = async (): Promise<void> => {
    if ((await readText(file)) === content) await unlink(file).catch(() => {});
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(file, content)) return { ok: true, release, note: null };
    const text = await readText(file);
    if (text === null) continue; // Released between our two steps: try again.
    const holder = parseHolder(text);
    const stale = holder !== null && holder.host === host && !isAlive(holder.pid);
    if (stale && (await takeOver(file, text, host, isAlive, content))) {
      const note = `${options.shown}: took over the lock of pid ${holder.pid} (${holder.command}, since ${holder.started}), which is no longer running`;
      return { ok: true, release, note };
    }
    if (Date.now() >= deadline && (!stale || attempt > 50))
      return { ok: false, message: busyMessage(options.shown, holder, text, host) };
    await sleep(stale ? 20 : 100);
  }
}

/**
 * Replaces a dead process's lock with the caller's, so that the run that found it dead is the one that
 * gets it. Only the run that holds `<file>.takeover` replaces it, and only if it still reads as the dead
 * holder's; the new lock is renamed over the old one, so the file never goes missing and no run taking
 * the lock the ordinary way can slip in between. True when the lock is now the caller's.
 */
async function takeOver(
  file: string,
  staleText: string,
  host: string,
  isAlive: (pid: number) => boolean,
  content: string,
): Promise<boolean> {
  const guard = `${file}.takeover`;
  if (!(await createExclusive(guard, content))) {
    // Another run is taking over; unless it died doing so, leave it to that run.
    const other = parseHolder((await readText(guard)) ?? "");
    if (!other || (other.host === host && !isAlive(other.pid))) await rm(guard, { force: true });
    return false;
  }
  try {
    if ((await readText(file)) !== staleText) return false;
    await writeFileAtomic(file, content);
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}
