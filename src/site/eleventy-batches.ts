import Eleventy from "@11ty/eleventy";
import { type EleventyConfig, gazettePlugin } from "./eleventy-plugin.ts";
import type { SiteData } from "./load-site-data.ts";

/** Article pages rendered per Eleventy run: Eleventy keeps every page it rendered until the run ends. */
export const ARTICLES_PER_RUN = 1000;

/** One Eleventy run: the data it sees and, if set, the only page templates it renders. */
export interface RenderBatch {
  data: SiteData;
  only?: string[];
}

/**
 * Splits a render through Eleventy into runs: the first renders every page but the article and tag pages
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
