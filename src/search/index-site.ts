import { rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteConfig } from "../config/site-config.ts";

/**
 * The article pages Pagefind reads: `<yyyy>/<mm>/<slug>/index.html` below the output folder, as
 * `articleUrl` lays them out. Nothing else is indexed (listings would repeat every article).
 */
export const ARTICLE_PAGES_GLOB = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html";

/** Files of the Pagefind bundle that `/search/` never loads: the modular and component UIs. */
const UNUSED_BUNDLE_FILES = [
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

export interface SearchIndexResult {
  /** Article pages indexed. */
  pages: number;
  /** Pagefind's own complaints, as it words them; empty when all went well. */
  errors: string[];
}

/**
 * Builds the search index of a rendered site with Pagefind's Node API and writes its bundle into
 * `<outDir>/pagefind/`. Run after the article pages are written and before the output is swapped in.
 * What is indexed, and the filters (tag, source, year), meta (title, source, date) and sort key (date),
 * come from the `data-pagefind-*` attributes of the article template; the whole site is one language,
 * the configuration's.
 */
export async function indexSite(
  outDir: string,
  config: Pick<SiteConfig, "language">,
): Promise<SearchIndexResult> {
  const language = config.language.split("-")[0]?.toLowerCase() ?? "en";
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    if (!created.index) return { pages: 0, errors: created.errors };
    const added = await created.index.addDirectory({ path: outDir, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length) return { pages: added.page_count, errors: added.errors };
    const written = await created.index.writeFiles({ outputPath: path.join(outDir, "pagefind") });
    await created.index.deleteIndex();
    if (written.errors.length) return { pages: added.page_count, errors: written.errors };
    for (const name of UNUSED_BUNDLE_FILES) await rm(path.join(outDir, "pagefind", name), { force: true });
    return { pages: added.page_count, errors: [] };
  } finally {
    // The index runs in a child process (Pagefind's binary): end it so the build can exit.
    await pagefind.close();
  }
}
