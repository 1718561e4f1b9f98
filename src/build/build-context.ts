import type { BodySeeds, PendingBody } from "../cache/article-store.ts";
import type { OutputWriter } from "../cache/output-writer.ts";
import type { SiteConfig } from "../config/site-config.ts";
import type { FeedPlan } from "../feeds/render-feeds.ts";
import type { Diagnostic } from "../shared/diagnostic.ts";
import type { SiteData } from "../site/load-site-data.ts";
import type { Milestone } from "./milestone.ts";
import type { RenderPool } from "./render-pool.ts";
import type { SummaryTracker } from "./summary-tracker.ts";

/** What every build step gets: the checked site data, the output writer and the cache keys. */
export interface BuildContext {
  root: string;
  outDir: string;
  cacheDir: string;
  config: SiteConfig;
  /** The build's clock: drafts and future articles are held back by it. */
  now: Date;
  data: SiteData;
  /** Render workers requested (1: render in this thread). */
  jobs: number;
  /** The templates folder: pages/, layouts/, partials/, assets/. */
  templatesDir: string;
  /** Fewer pages than this are rendered in this thread rather than in the workers. */
  workerThreshold: number;
  /** Writes output files, keeping unchanged ones (see OutputWriter). */
  output: OutputWriter;
  /** The render workers, started on first use (none when `jobs` is 1). */
  pool(): RenderPool | null;
  /** Articles parsed anew: their summaries and reading times are not known until their bodies render. */
  pending: readonly PendingBody[];
  /** The files of the articles some feed shows. */
  feedArticles: ReadonlySet<string>;
  /** Every feed of the site, planned (not rendered) from `data`. */
  feedPlans: readonly FeedPlan[];
  /** Bodies rendered while summarising, by article file. */
  seeds: BodySeeds;
  /** Which new articles' summaries are known: the pages step renders the bodies and reports them. */
  summaries: SummaryTracker;
  /**
   * Reached by the pages step once every article page (`isIndexedPage`: what the search indexes) is
   * written or kept, before the listings: the search step starts then.
   */
  indexedPages: Milestone;
  /** A cache key: the code, templates and configuration hashes, then `parts`. */
  key(...parts: string[]): string;
  /**
   * A cache key without the templates: the code, configuration and images hashes, then `parts`. For
   * outputs that do not come from templates (feeds, the search index of the pages' bytes) or that add
   * the hashes of the templates they used (pages, see `templateHash`).
   */
  dataKey(...parts: string[]): string;
  /** The hash of one template a page used (`pages/index.njk`, `include:card.njk`): missing is "-". */
  templateHash(dependency: string): string;
  /** A stable hash of plain data; an article counts as its file and content hash. */
  hashValue(value: unknown): string;
  /** How many pages and feeds this build rendered (the others were kept from the last build). */
  rendered: { pages: number; feeds: number };
  /** Problems a step found that fail the build (the output is then left as it was). */
  failures: Diagnostic[];
}

/** One step of the build (pages, feeds, assets; search indexes and images can join). */
export interface BuildStep {
  name: string;
  /**
   * What the step waits for before it runs, when that is part of another step of its group (the search
   * waits for the article pages, not for the listings). Default: nothing, it starts with its group.
   */
  after?(context: BuildContext): Promise<void>;
  run(context: BuildContext): Promise<void>;
}
