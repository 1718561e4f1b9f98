import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { hashText } from "../../cache/hash-value.ts";
import { ARTICLE_PAGES_GLOB, indexSite } from "../../search/index-site.ts";
import { indexedPart, isIndexedPage } from "../../search/indexed-part.ts";
import { pagefindBinary } from "../../search/run-pagefind.ts";
import { error } from "../../shared/diagnostic.ts";
import type { BuildContext, BuildStep } from "../build-context.ts";

const BUNDLE = "pagefind/";

function filesBelow(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();
  } catch {
    return [];
  }
}

/** Keeps the previous build's bundle when it was made from the same pages; returns whether it could. */
function keepBundle(context: BuildContext, key: string): boolean {
  const files = context.output.previousFiles(BUNDLE);
  if (files.length === 0 || !files.every((file) => context.output.previous(file)?.key === key)) return false;
  for (const file of files) context.output.keep(file, key);
  return true;
}

/** Where the step notes which bundle it made, and with what (`SearchNote`), in the cache folder. */
const NOTE_FILE = "search-index.json";

/** The note: the key the bundle's files were recorded under, and what besides the pages made it. */
interface SearchNote {
  key: string;
  fingerprint: string;
}

/** What the bundle depends on besides the pages: the language, what is indexed and Pagefind's binary. */
function fingerprint(context: BuildContext): string {
  const binary = pagefindBinary();
  let size = -1;
  try {
    size = binary ? statSync(binary).size : -1;
  } catch {
    size = -1;
  }
  return hashText(JSON.stringify([context.config.language, ARTICLE_PAGES_GLOB, binary, size]));
}

function readNote(context: BuildContext): SearchNote | null {
  try {
    const note = JSON.parse(readFileSync(path.join(context.cacheDir, NOTE_FILE), "utf8")) as SearchNote;
    return typeof note.key === "string" && typeof note.fingerprint === "string" ? note : null;
  } catch {
    return null;
  }
}

function writeNote(context: BuildContext, note: SearchNote): void {
  try {
    mkdirSync(context.cacheDir, { recursive: true });
    writeFileSync(path.join(context.cacheDir, NOTE_FILE), JSON.stringify(note));
  } catch {
    // Without the note the next build indexes again: slower, never wrong.
  }
}

/**
 * Keeps the previous bundle under `key` when the pages changed but not what Pagefind reads of them (a
 * template edit outside the article, new neighbour or related links): the same article pages as the
 * previous build's, each with the same `indexedPart`, and the same language and Pagefind. The previous
 * bundle must be intact and the one the note describes. Only changed pages are read (old bytes from the
 * output folder, new ones from the staging folder). Returns whether it kept the bundle.
 */
function keepSameRecords(
  context: BuildContext,
  pages: [string, { hash: string; indexed?: string }][],
  key: string,
  print: string,
): boolean {
  const { output } = context;
  const note = readNote(context);
  if (!output.incremental || !note || note.fingerprint !== print) return false;
  const bundle = output.previousFiles(BUNDLE);
  if (bundle.length === 0 || !bundle.every((file) => output.previous(file)?.key === note.key)) return false;
  const before = output.previousFiles("").filter((file) => isIndexedPage(file));
  if (before.length !== pages.length) return false;
  const now = new Set(pages.map(([file]) => file));
  if (!before.every((file) => now.has(file))) return false;
  for (const [file, record] of pages) {
    const old = output.previous(file);
    if (!old) return false;
    if (old.hash === record.hash) continue;
    // Pages rendered by this build and the last carry their indexed part's hash: no file to read.
    if (old.indexed !== undefined && record.indexed !== undefined) {
      if (old.indexed !== record.indexed) return false;
      continue;
    }
    try {
      const was = readFileSync(path.join(context.outDir, file), "utf8");
      const is = readFileSync(path.join(output.staging, file), "utf8");
      if (indexedPart(was) !== indexedPart(is)) return false;
    } catch {
      return false;
    }
  }
  for (const file of bundle) {
    const old = output.previous(file);
    if (old) output.record(file, { ...old, key }, false);
  }
  return true;
}

/**
 * The search index (Pagefind) of the article pages, made as soon as they are all written (the pages step
 * renders them before the listings). Its key is every article page's bytes: when none
 * changed, the previous bundle is kept as it is. Otherwise the pages are indexed again, in the staging
 * folder itself when it holds every page (a cold build) or else in a folder of links to the current pages,
 * and the bundle's files go through the output writer (unchanged fragments keep their dates).
 */
export const indexSearch: BuildStep = {
  name: "search",
  // Only the article pages are indexed: Pagefind reads them while the listings and feeds still render.
  after: (context) => context.indexedPages.reached,
  async run(context) {
    const { output } = context;
    const pages = Object.entries(output.outputs())
      .filter(([file]) => isIndexedPage(file))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    // The index depends on the pages' bytes (below), not on the templates that made them.
    const key = context.dataKey(
      "search",
      context.config.language,
      hashText(pages.map(([file, record]) => `${file}\0${record.hash}`).join("\n")),
    );
    if (keepBundle(context, key)) return;
    const print = fingerprint(context);
    if (keepSameRecords(context, pages, key, print)) {
      writeNote(context, { key, fingerprint: print });
      return;
    }

    const view = output.incremental ? await mkdtemp(`${output.staging}-search-`) : output.staging;
    try {
      if (output.incremental) {
        const made = new Set<string>();
        for (const [file] of pages) {
          const dir = path.join(view, path.dirname(file));
          if (!made.has(dir)) {
            mkdirSync(dir, { recursive: true });
            made.add(dir);
          }
          const staged = path.join(output.staging, file);
          linkSync(existsIn(staged) ? staged : path.join(context.outDir, file), path.join(view, file));
        }
      }
      const result = await indexSite(view, context.config, { hasPages: pages.length > 0 });
      if (result.errors.length > 0) {
        context.failures.push(
          ...result.errors.map((message) => error("search/index", "pagefind", 0, message)),
        );
        return;
      }
      for (const relative of filesBelow(path.join(view, BUNDLE))) {
        const file = `${BUNDLE}${relative}`;
        const target = path.join(view, file);
        const bytes = readFileSync(target);
        if (output.incremental) output.write(file, bytes, key);
        else {
          const stats = statSync(target);
          output.record(file, { key, hash: hashText(bytes), size: stats.size, mtimeMs: stats.mtimeMs }, true);
        }
      }
      writeNote(context, { key, fingerprint: print });
    } finally {
      if (view !== output.staging) await rm(view, { recursive: true, force: true });
    }
  },
};

function existsIn(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
