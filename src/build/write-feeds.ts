import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FeedFile } from "../feeds/render-feeds.ts";

/** Writes feed files into the output folder as they are made; returns how many were written. */
export async function writeFeeds(outDir: string, files: Iterable<FeedFile>): Promise<number> {
  let count = 0;
  for (const file of files) {
    const target = path.join(outDir, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
    count++;
  }
  return count;
}
