import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { renderFeeds } from "../feeds/render-feeds.ts";
import { writeImages } from "../images/write-images.ts";
import { indexSite } from "../search/index-site.ts";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import { type EleventyConfig, gazettePlugin } from "../site/eleventy-plugin.ts";
import { loadSiteData, type SiteData } from "../site/load-site-data.ts";
import { checkOutputDir, freshPrefix, markOutput, recoverOutput } from "./output-guard.ts";
import { swapDirectory } from "./swap-directory.ts";
import { writeFeeds } from "./write-feeds.ts";

/** Article pages rendered per Eleventy run: Eleventy keeps every page it rendered until the run ends. */
export const ARTICLES_PER_RUN = 1000;

interface RenderBatch {
  data: SiteData;
  only?: string[];
}

/**
 * Splits the build into Eleventy runs: the first renders every page but the article and tag pages
 * (home, sources, archive, subscribe…); each further run renders one batch of tag pages or of article
 * pages. Memory stays flat as the site grows.
 */
export function renderBatches(data: SiteData, size = ARTICLES_PER_RUN): RenderBatch[] {
  const { articlePages, tagPages } = data.model;
  const batches: RenderBatch[] = [
    { data: { ...data, model: { ...data.model, articlePages: [], tagPages: [] } } },
  ];
  for (let start = 0; start < tagPages.length; start += size) {
    const model = { ...data.model, articlePages: [], tagPages: tagPages.slice(start, start + size) };
    batches.push({ data: { ...data, model }, only: ["tag.njk"] });
  }
  for (let start = 0; start < articlePages.length; start += size) {
    const model = { ...data.model, articlePages: articlePages.slice(start, start + size) };
    batches.push({ data: { ...data, model }, only: ["article.njk"] });
  }
  return batches;
}

/** Runs Eleventy once over a batch, writing into `outDir`; returns the number of files written. */
export async function renderWithEleventy(root: string, outDir: string, batch: RenderBatch): Promise<number> {
  const eleventy = new Eleventy(undefined, outDir, {
    quietMode: true,
    configPath: false,
    config: (eleventyConfig: EleventyConfig) =>
      gazettePlugin(eleventyConfig, { root, data: batch.data, ...(batch.only ? { only: batch.only } : {}) }),
  });
  // Our own summary replaces Eleventy's per-run "Wrote N files" line; errors still throw.
  eleventy.disableLogger();
  const results = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
  return Array.isArray(results[1]) ? results[1].length : (results as unknown[]).length;
}

export interface BuildOptions {
  /** The project root: gazette.config.yaml and articles/. */
  root: string;
  /** Output folder. Default `<root>/_site`. */
  outDir?: string;
  /** Base URL override, e.g. `https://example.org/digest/` to build under a path prefix. */
  url?: string;
  /** The clock: articles dated after it are held back. */
  now: Date;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Files written (0 when the build failed). */
  written: number;
  outDir: string;
}

/**
 * The full build: checks configuration and articles first, renders the site and feeds into a fresh folder
 * beside the output, and swaps it in only when everything succeeded. The output folder must be one a build
 * may replace (`checkOutputDir`); what an interrupted build left beside it is cleaned up first.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const unsafe = await checkOutputDir(root, outDir);
  if (unsafe) return { ok: false, diagnostics: [unsafe], written: 0, outDir };
  const recovered = (await recoverOutput(outDir)).map((note) =>
    warning("build/recovered", path.relative(process.cwd(), outDir) || outDir, 0, note),
  );
  const loaded = await loadSiteData({
    root,
    now: options.now,
    ...(options.url === undefined ? {} : { url: options.url }),
  });
  const diagnostics = [...recovered, ...loaded.diagnostics];
  if (!loaded.data) return { ok: false, diagnostics, written: 0, outDir };
  const data = loaded.data;

  const fresh = await mkdtemp(freshPrefix(outDir));
  try {
    // Images first: the feeds' enclosures need the sizes of the resized copies.
    let written = (await writeImages(data.images, data.model.articles, root, fresh)).written;
    for (const batch of renderBatches(data)) {
      written += await renderWithEleventy(root, fresh, batch);
      // Let go of the finished run's pages now rather than when the heap is full (`node --expose-gc`).
      (globalThis as { gc?: () => void }).gc?.();
    }
    written += await writeFeeds(fresh, renderFeeds(data.config, data.model.articles));
    const search = await indexSite(fresh, data.config);
    if (search.errors.length) {
      await rm(fresh, { recursive: true, force: true });
      const failures = search.errors.map((message) => error("search/index", "pagefind", 0, message));
      return { ok: false, diagnostics: [...diagnostics, ...failures], written: 0, outDir };
    }
    await markOutput(fresh);
    await swapDirectory(fresh, outDir);
    return { ok: true, diagnostics, written, outDir };
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e;
  }
}
