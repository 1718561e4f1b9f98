import Eleventy from "@11ty/eleventy";
import { type EleventyConfig, gazettePlugin } from "./eleventy-plugin.ts";
import type { SiteData } from "./load-site-data.ts";

/** One Eleventy run: the data it sees and, if set, the only page templates it renders. */
export interface RenderBatch {
  data: SiteData;
  only?: string[];
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
