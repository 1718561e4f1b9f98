import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { SiteConfig } from "../config/site-config.ts";
import { pagefindBinary, runPagefind } from "./run-pagefind.ts";

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

export interface IndexSiteOptions {
  /**
   * Whether there is at least one article page to index. Default true. Pagefind's command line refuses a
   * site without pages, so an empty site's (empty) bundle is made through its Node API instead.
   */
  hasPages?: boolean;
  /** Pagefind's binary. Default: `pagefindBinary()`, the one its npm package installed for this platform. */
  binary?: string | null;
}

/**
 * Builds the search index of a rendered site with Pagefind and writes its bundle into `<outDir>/pagefind/`.
 * Run after the article pages are written and before the output is swapped in. What is indexed, and the
 * filters (tag, source, year), meta (title, source, date) and sort key (date), come from the
 * `data-pagefind-*` attributes of the article template; the whole site is one language, the
 * configuration's.
 *
 * Pagefind's command line does the work: it writes the same bundle as the Node API's `addDirectory` byte
 * for byte, for about an eighth less CPU (docs/search.md). The Node API is kept for a site without pages
 * and for a platform without the binary.
 */
export async function indexSite(
  outDir: string,
  config: Pick<SiteConfig, "language">,
  options: IndexSiteOptions = {},
): Promise<SearchIndexResult> {
  const language = config.language.split("-")[0]?.toLowerCase() ?? "en";
  const bundle = path.join(outDir, "pagefind");
  const binary = options.binary === undefined ? pagefindBinary() : options.binary;
  const result =
    options.hasPages !== false && binary
      ? await indexWithCommand(binary, outDir, bundle, language)
      : await indexWithNodeApi(outDir, bundle, language);
  if (result.errors.length === 0)
    for (const name of UNUSED_BUNDLE_FILES) await rm(path.join(bundle, name), { force: true });
  return result;
}

async function indexWithCommand(
  binary: string,
  site: string,
  bundle: string,
  language: string,
): Promise<SearchIndexResult> {
  const run = await runPagefind(binary, [
    "--site",
    site,
    "--glob",
    ARTICLE_PAGES_GLOB,
    "--force-language",
    language,
    "--output-path",
    bundle,
    "--silent",
  ]);
  if (run.errors.length > 0) return { pages: 0, errors: run.errors };
  try {
    const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as {
      languages?: Record<string, { page_count?: number }>;
    };
    const pages = Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
    return { pages, errors: [] };
  } catch (e) {
    return { pages: 0, errors: [`Pagefind wrote no readable pagefind-entry.json: ${(e as Error).message}`] };
  }
}

async function indexWithNodeApi(site: string, bundle: string, language: string): Promise<SearchIndexResult> {
  // Loaded here only: most builds use the command line, and the module is not free to load.
  const pagefind = await import("pagefind");
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    if (!created.index) return { pages: 0, errors: created.errors };
    const added = await created.index.addDirectory({ path: site, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length) return { pages: added.page_count, errors: added.errors };
    const written = await created.index.writeFiles({ outputPath: bundle });
    await created.index.deleteIndex();
    if (written.errors.length) return { pages: added.page_count, errors: written.errors };
    return { pages: added.page_count, errors: [] };
  } finally {
    // The index runs in a child process (Pagefind's binary): end it so the build can exit.
    await pagefind.close();
  }
}
