import { existsSync, realpathSync } from "node:fs";
import { readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, error } from "../shared/diagnostic.ts";

/**
 * The file that marks a folder as a Gazette output. A build replaces (and so deletes) only a folder that
 * carries it, is empty, or does not exist yet: never the project, its content or some other folder.
 */
export const OUTPUT_MARKER = ".gazette-output";

/** What the marker says to someone who opens the folder. Fixed text, so builds stay byte-identical. */
export const OUTPUT_MARKER_TEXT =
  "This folder is written by Gazette (npm run build) and replaced whole on every build.\n" +
  "Do not keep anything else in it.\n";

/** What sits at the top of every output made before the marker existed: such a folder may be replaced. */
const LEGACY_OUTPUT_FILES = ["index.html", "feed.xml", "atom.xml", "feed.json"];

/** The nearest existing folder at or above `dir`, with symbolic links resolved, then the rest appended. */
function realPathOf(dir: string): string {
  let existing = path.resolve(dir);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  try {
    return path.join(realpathSync(existing), ...rest);
  } catch {
    return path.resolve(dir);
  }
}

/** True when `inner` is `outer` or lies below it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Checks that `outDir` is a folder a build may delete and replace: not the project root, not an ancestor
 * of it, not inside its `articles/`, not a folder holding `articles/` or `gazette.config.yaml`, and, when
 * it exists and is not empty, a previous Gazette output (it carries `.gazette-output`, or is an output of
 * a version before the marker). Returns the reason as an error naming the folder, or null when it is safe.
 */
export async function checkOutputDir(root: string, outDir: string): Promise<Diagnostic | null> {
  const shown = path.relative(process.cwd(), outDir) || ".";
  const refuse = (message: string): Diagnostic =>
    error(
      "build/unsafe-out",
      shown,
      0,
      `${message}: a build deletes and replaces its output folder (expected --out to name a new or empty folder, or a previous Gazette output such as _site/)`,
    );
  const realRoot = realPathOf(root);
  const realOut = realPathOf(outDir);
  if (realOut === realRoot) return refuse("the output folder is the project root");
  if (isWithin(realRoot, realOut)) return refuse("the output folder contains the project");
  if (isWithin(realOut, path.join(realRoot, "articles")))
    return refuse("the output folder is inside articles/");
  let entries: string[];
  try {
    const info = await stat(outDir);
    if (!info.isDirectory()) return refuse("the output path is a file, not a folder");
    entries = await readdir(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return refuse(`the output folder cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (entries.includes("articles")) return refuse("the output folder holds an articles/ folder");
  if (entries.includes("gazette.config.yaml")) return refuse("the output folder holds a gazette.config.yaml");
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return null;
  if (LEGACY_OUTPUT_FILES.every((name) => entries.includes(name))) return null;
  return refuse(
    `the output folder holds ${entries.length} files and is not a Gazette output (no ${OUTPUT_MARKER})`,
  );
}

/** Writes the marker into a finished output folder. */
export async function markOutput(dir: string): Promise<void> {
  await writeFile(path.join(dir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
}

/** The prefix of the fresh folder a build renders into: `<out>.tmp-<pid>-`, so a dead build's is known. */
export function freshPrefix(outDir: string, pid = process.pid): string {
  return `${outDir}.tmp-${pid}-`;
}

/**
 * True when a process with this id runs on this host (EPERM: it runs, under another user). This process
 * is not in the middle of a swap while it cleans up, so its own id (reused in a container) counts as gone.
 */
function isRunningBuild(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const OLD = /^\.old-(\d+)$/;
const TMP = /^\.tmp-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Cleans up after builds that were killed: a build that died between the two renames of the swap left
 * `<out>.old-<pid>` and no `<out>`, so the old output is put back; once `<out>` exists, leftover
 * `<out>.old-*` and `<out>.tmp-*` folders of processes that are no longer running are removed. Folders of
 * a build still running are left alone. Returns one note per action, for the log.
 */
export async function recoverOutput(outDir: string): Promise<string[]> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const notes: string[] = [];
  const shown = (name: string): string => path.relative(process.cwd(), path.join(parent, name)) || name;
  const stale = (pattern: RegExp) =>
    names
      .filter((name) => name.startsWith(base))
      .map((name) => ({ name, match: pattern.exec(name.slice(base.length)) }))
      .filter((entry) => entry.match !== null && !isRunningBuild(Number(entry.match[1])))
      .map((entry) => entry.name)
      .sort();
  const olds = stale(OLD);
  if (!existsSync(outDir) && olds.length > 0) {
    // The newest of them (by change time) is the output that was being replaced.
    const withTimes = await Promise.all(
      olds.map(async (name) => ({ name, time: (await stat(path.join(parent, name))).mtimeMs })),
    );
    withTimes.sort((a, b) => b.time - a.time);
    const restored = withTimes[0]?.name as string;
    await rename(path.join(parent, restored), outDir);
    notes.push(`restored ${shown(base)} from ${shown(restored)}, left by a build that was interrupted`);
  }
  for (const name of [...stale(OLD), ...stale(TMP)]) {
    if (!existsSync(path.join(parent, name))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    notes.push(`removed ${shown(name)}, left by a build that was interrupted`);
  }
  return notes;
}
