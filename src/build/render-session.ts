import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BodySeeds, defineLazyBody } from "../cache/article-store.ts";
import { hashText } from "../cache/hash-value.ts";
import { trackReads } from "../cache/track-reads.ts";
import { createPageRenderer } from "../render/page-renderer.ts";
import { type PagePlan, planPages } from "../render/plan-pages.ts";
import { indexedPart, isIndexedPage } from "../search/indexed-part.ts";
import type { SiteData } from "../site/load-site-data.ts";

/** One rendered page: its bytes' hash and size, and what it read of the global data. */
export interface RenderedPage {
  index: number;
  hash: string;
  size: number;
  mtimeMs: number;
  reads: string[];
  /** The templates the render used (`pages/article.njk`, `layouts/base.njk`, `include:card.njk`), sorted. */
  templates: string[];
  /** For an article page: the hash of what the search index reads of it (`indexedPart`). */
  indexed?: string;
  /** False when the bytes were those of the previous build: nothing was written. */
  written: boolean;
}

/** A page to render: its index in the plan and the hash of its bytes in the previous build, if any. */
export interface PageTask {
  index: number;
  previousHash?: string;
}

export interface RenderSession {
  pages: PagePlan[];
  render(task: PageTask): RenderedPage;
}

export interface RenderSessionOptions {
  root: string;
  templatesDir: string;
  data: SiteData;
  /** Where pages are written (their folders exist already). */
  staging: string;
}

/**
 * Renders the site's pages one by one into the staging folder, the same in a worker and in the main
 * thread: the plan is made from the data, so page `index` is the same page everywhere. A page whose bytes
 * hash as they did in the previous build is not written (its file keeps its modification time).
 */
export function createRenderSession(options: RenderSessionOptions): RenderSession {
  const { data, staging } = options;
  const renderer = createPageRenderer({ templatesDir: options.templatesDir, config: data.config });
  const globals = { gazette: data };
  const pages = planPages(renderer.templates, globals);
  return {
    pages,
    render({ index, previousHash }) {
      const page = pages[index];
      if (!page) throw new Error(`Gazette: no page ${index} in the plan`);
      const tracked = trackReads(globals);
      const used = new Set<string>();
      const output = renderer.render(page, tracked.globals, used);
      const hash = hashText(output);
      const reads = [...tracked.reads].sort();
      const templates = [...used].sort();
      const indexed = isIndexedPage(page.outputPath) ? { indexed: hashText(indexedPart(output)) } : {};
      if (hash === previousHash)
        return { index, hash, size: 0, mtimeMs: 0, reads, templates, ...indexed, written: false };
      const target = path.join(staging, page.outputPath);
      writeFileSync(target, output);
      const stats = statSync(target);
      const { size, mtimeMs } = stats;
      return { index, hash, size, mtimeMs, reads, templates, ...indexed, written: true };
    },
  };
}

/** Gives the articles of data copied into a worker their on-demand bodies again (copies drop getters). */
export function reattachBodies(data: SiteData, root: string, seeds: BodySeeds): void {
  for (const article of data.model.articles) defineLazyBody(article, root, seeds);
}
