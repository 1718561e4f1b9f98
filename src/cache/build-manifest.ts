import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** What the manifest knows of one output file of the last build. */
export interface OutputRecord {
  /** The hash of everything the file was made from; equal keys mean equal bytes. */
  key: string;
  /** The hash of the file's bytes. */
  hash: string;
  size: number;
  mtimeMs: number;
  /** The parts of the global data the page read (`gazette.model.tags`), for pages rendered from templates. */
  reads?: string[];
  /** The templates a page's render used (see `TemplateDependency`): its key has their hashes. */
  templates?: string[];
  /** For an article page: the hash of what Pagefind reads of it (`indexedPart`). */
  indexed?: string;
}

/** The build manifest (`.gazette-cache/manifest.json`): every output of the last build and its inputs. */
export interface BuildManifest {
  version: 1;
  /** The output folder it describes (absolute). */
  outDir: string;
  outputs: Record<string, OutputRecord>;
}

const VERSION = 1;

/** The manifest's file in the cache folder. */
export function manifestPath(cacheDir: string): string {
  return path.join(cacheDir, "manifest.json");
}

/** Reads the manifest for `outDir`; null when there is none, it is unreadable, or it describes another folder. */
export async function readManifest(cacheDir: string, outDir: string): Promise<BuildManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath(cacheDir), "utf8")) as BuildManifest;
    if (manifest.version !== VERSION || manifest.outDir !== outDir || typeof manifest.outputs !== "object")
      return null;
    return manifest;
  } catch {
    return null;
  }
}

/** Writes a manifest to `file` atomically (a temporary file renamed over it). */
export async function writeManifestFile(file: string, manifest: BuildManifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, file);
}

/** An empty manifest for `outDir`. */
export function emptyManifest(outDir: string): BuildManifest {
  return { version: VERSION, outDir, outputs: {} };
}
