import { rename, rm } from "node:fs/promises";

/**
 * Replaces `target` with the finished `fresh` folder: the old output is moved aside, the new one renamed
 * into place, the old one deleted. A failed build never touches `target`.
 */
export async function swapDirectory(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  try {
    await rename(fresh, target);
  } catch (e) {
    if (moved) await rename(old, target);
    throw e;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}
