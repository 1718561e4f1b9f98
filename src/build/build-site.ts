import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Diagnostic } from "../shared/diagnostic.ts";
import { type EleventyConfig, gazettePlugin } from "../site/eleventy-plugin.ts";
import { loadSiteData } from "../site/load-site-data.ts";
import { swapDirectory } from "./swap-directory.ts";

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
 * beside the output, and swaps it in only when everything succeeded.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const loaded = await loadSiteData({
    root,
    now: options.now,
    ...(options.url === undefined ? {} : { url: options.url }),
  });
  if (!loaded.data) return { ok: false, diagnostics: loaded.diagnostics, written: 0, outDir };
  const data = loaded.data;

  const fresh = await mkdtemp(`${outDir}.tmp-`);
  try {
    const eleventy = new Eleventy(undefined, fresh, {
      quietMode: true,
      configPath: false,
      config: (eleventyConfig: EleventyConfig) => gazettePlugin(eleventyConfig, { root, data }),
    });
    const results = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
    const written = Array.isArray(results[1]) ? results[1].length : (results as unknown[]).length;
    await swapDirectory(fresh, outDir);
    return { ok: true, diagnostics: loaded.diagnostics, written, outDir };
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e;
  }
}
