import { linkSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { hashText } from "../../cache/hash-value.ts";
import { indexSite } from "../../search/index-site.ts";
import { error } from "../../shared/diagnostic.ts";
import type { BuildContext, BuildStep } from "../build-context.ts";

/** The article pages Pagefind indexes (see ARTICLE_PAGES_GLOB in search/index-site.ts). */
const ARTICLE_PAGE = /^\d{4}\/\d{2}\/[^/]+\/index\.html$/;
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

/**
 * The search index (Pagefind) of the article pages. Its key is every article page's bytes: when none
 * changed, the previous bundle is kept as it is. Otherwise the pages are indexed again, in the staging
 * folder itself when it holds every page (a cold build) or else in a folder of links to the current pages,
 * and the bundle's files go through the output writer (unchanged fragments keep their dates).
 */
export const indexSearch: BuildStep = {
  name: "search",
  async run(context) {
    const { output } = context;
    const pages = Object.entries(output.outputs())
      .filter(([file]) => ARTICLE_PAGE.test(file))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const key = context.key(
      "search",
      context.config.language,
      hashText(pages.map(([file, record]) => `${file}\0${record.hash}`).join("\n")),
    );
    if (keepBundle(context, key)) return;

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
