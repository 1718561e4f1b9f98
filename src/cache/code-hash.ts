import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hashText } from "./hash-value.ts";

/** Files below `dir` (recursively), sorted, relative. Missing folder: none. */
function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch (e) {
    if (["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "")) return [];
    throw e;
  }
}

/**
 * One hash of the contents of every file in the given folders and files (names included): what the cache
 * keys on for code and templates, so a changed filter, template or dependency version rebuilds everything.
 */
export function hashFiles(paths: readonly string[]): string {
  const parts: string[] = [];
  for (const target of paths) {
    const files = listFiles(target);
    if (files.length === 0) {
      try {
        parts.push(target, hashText(readFileSync(target)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT" && (e as NodeJS.ErrnoException).code !== "EISDIR")
          throw e;
        parts.push(target, "-");
      }
      continue;
    }
    for (const file of files) parts.push(file, hashText(readFileSync(path.join(target, file))));
  }
  return hashText(parts.join("\0"));
}
