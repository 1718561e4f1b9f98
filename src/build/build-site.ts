import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { checkCollection } from "../articles/check-collection.ts";
import {
  type ArticleFile,
  adoptViews,
  articleFingerprint,
  defineLazyBody,
  emptySeeds,
  loadArticleStore,
} from "../cache/article-store.ts";
import { readManifest } from "../cache/build-manifest.ts";
import { hashFiles } from "../cache/code-hash.ts";
import { createValueHasher, hashText } from "../cache/hash-value.ts";
import { createOutputWriter, recoverCommit } from "../cache/output-writer.ts";
import { loadConfig } from "../config/load-config.ts";
import type { ConfigOverrides } from "../config/parse-config.ts";
import { planFeeds } from "../feeds/render-feeds.ts";
import { prepareImages } from "../images/prepare-images.ts";
import { readLedger } from "../newsletter/ledger.ts";
import { createTemplateHasher } from "../render/page-renderer.ts";
import { type Diagnostic, hasErrors, warning } from "../shared/diagnostic.ts";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../shared/package-root.ts";
import { makeSiteData } from "../site/load-site-data.ts";
import type { BuildContext, BuildStep } from "./build-context.ts";
import { createMilestone } from "./milestone.ts";
import { checkOutputDir, freshPrefix, recoverOutput } from "./output-guard.ts";
import { createRenderPool, type RenderPool } from "./render-pool.ts";
import { defaultJobs } from "./render-threads.ts";
import { copyAssets } from "./steps/copy-assets.ts";
import { indexSearch } from "./steps/index-search.ts";
import { markOutputFolder } from "./steps/mark-output-folder.ts";
import { POOL_THRESHOLD, renderPages } from "./steps/render-pages.ts";
import { writeFeedFiles } from "./steps/write-feed-files.ts";
import { writeImageFiles } from "./steps/write-image-files.ts";
import { createSummaryTracker } from "./summary-tracker.ts";
import { swapDirectory } from "./swap-directory.ts";

/**
 * The build after loading, as groups of steps: the groups run one after the other, the steps of a group
 * together (pages render in the workers while the main thread writes the feeds), a step with `after` once
 * that part of another step is done (the search once the article pages are). A step writes its files
 * through `context.output`, which keeps unchanged files and records every output in the manifest.
 */
export const BUILD_STEPS: readonly (readonly BuildStep[])[] = [
  [writeImageFiles, copyAssets, markOutputFolder],
  // The search starts once the article pages are written (`after`), beside the listings and the feeds.
  [renderPages, writeFeedFiles, indexSearch],
];

/** The cache folder of a project: the build manifest and parsed articles (git-ignored). */
export const CACHE_DIR = ".gazette-cache";

export interface BuildOptions {
  /** The project root: gazette.config.yaml and articles/. */
  root: string;
  /** Output folder. Default `<root>/_site`. */
  outDir?: string;
  /** Base URL override, e.g. `https://example.org/digest/` to build under a path prefix. */
  url?: string;
  /** The clock: articles dated after it are held back. */
  now: Date;
  /** Render workers. Default: one per core; 1 renders in this thread. */
  jobs?: number;
  /** Ignore the cache: parse every article and render every page (the cache is written afresh). */
  clean?: boolean;
  /** The cache folder. Default `<root>/.gazette-cache`. */
  cacheDir?: string;
  /** The templates folder (pages/, layouts/, partials/, assets/). Default: the package's templates/. */
  templatesDir?: string;
  /** Build the search index (Pagefind). Default true; false leaves `/search/` without results (benchmarks). */
  search?: boolean;
  /** Fewer pages or bodies than this are rendered in this thread, not in workers. Default 300. */
  workerThreshold?: number;
  /**
   * Render worker threads started before the build (`startRenderThreads`: `npm run build` starts them
   * first thing when the build will be cold, so they load their modules while this thread loads its
   * own). The build's pool takes them instead of starting `jobs` new ones; they are ended when the build
   * is, used or not.
   */
  threads?: Worker[];
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Files written (0 when the build failed); unchanged files are not counted. */
  written: number;
  /** Output files kept as they were (an incremental build). */
  kept: number;
  /** Pages and feeds rendered (0 when the build failed); the others were kept without rendering. */
  rendered: { pages: number; feeds: number };
  outDir: string;
}

export { defaultJobs } from "./render-threads.ts";

/**
 * The full build: checks configuration and articles first, then runs the build steps into a staging
 * folder beside the output and commits it only when everything succeeded. With a manifest from the last
 * build, only the outputs whose inputs changed are rendered and only the files whose bytes changed are
 * written; the result is byte-identical to a clean build.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  try {
    return await build(options);
  } finally {
    await Promise.all((options.threads ?? []).map((thread) => thread.terminate()));
  }
}

async function build(options: BuildOptions): Promise<BuildResult> {
  const begun = performance.now();
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const cacheDir = path.resolve(options.cacheDir ?? path.join(root, CACHE_DIR));
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const templatesDir = path.resolve(options.templatesDir ?? TEMPLATES_DIR);
  const workerThreshold = options.workerThreshold ?? POOL_THRESHOLD;
  const overrides: ConfigOverrides = options.url === undefined ? {} : { url: options.url };
  const fail = (diagnostics: Diagnostic[]): BuildResult => ({
    ok: false,
    diagnostics,
    written: 0,
    kept: 0,
    rendered: { pages: 0, feeds: 0 },
    outDir,
  });

  const unsafe = await checkOutputDir(root, outDir);
  if (unsafe) return fail([unsafe]);
  // An incremental commit cut short is finished first; then what a killed swap left is put right.
  await recoverCommit(cacheDir);
  const recovered = (await recoverOutput(outDir)).map((note) =>
    warning("build/recovered", path.relative(process.cwd(), outDir) || outDir, 0, note),
  );
  const loaded = await loadConfig(root, overrides);
  if (!loaded.config) return fail([...recovered, ...loaded.diagnostics]);
  const config = loaded.config;
  const previous = options.clean || !existsSync(outDir) ? null : await readManifest(cacheDir, outDir);

  const staging = await mkdtemp(freshPrefix(outDir));
  let pool: RenderPool | null = null;
  const startPool = (): RenderPool | null => {
    const threads = options.threads?.length ? { threads: options.threads } : {};
    if (jobs > 1 || threads.threads)
      pool ??= createRenderPool({ jobs, root, templatesDir, staging, ...threads });
    return pool;
  };
  // A cold build renders everything: start the workers now, they load their modules while we read.
  if (!previous) startPool();
  try {
    const codeHash = hashFiles([
      path.join(PACKAGE_ROOT, "src"),
      path.join(PACKAGE_ROOT, "package-lock.json"),
    ]);
    const configHash = hashText(JSON.stringify(config));
    const globalKey = hashText([codeHash, hashFiles([templatesDir]), configHash].join("\0"));
    const dataKey = hashText([codeHash, configHash].join("\0"));
    const store = await loadArticleStore(config, {
      root,
      cacheDir,
      key: hashText(`${codeHash}\0${configHash}`),
      useCache: !options.clean,
      // A cold build has its workers already (started above): they parse beside this thread.
      ...(pool
        ? { parse: (files: ArticleFile[], zone: string) => (pool as RenderPool).parse(files, zone) }
        : {}),
    });
    // New or changed articles on a large site change at least every home page after them (the listings
    // shift): far more pages than the threshold, so the workers start loading now, beside the rest of the
    // load and the planning.
    if (store.pending.length > 0 && store.articles.length / config.perPage >= workerThreshold) startPool();
    const collection = checkCollection(store.articles, options.now, config.timeZone);
    const ledger = await readLedger(root);
    // Image sizes and copies: a missing image is an error at its line, before anything is written.
    const images = await prepareImages(config, collection.published, root);
    const diagnostics = [
      ...recovered,
      ...loaded.diagnostics,
      ...store.diagnostics,
      ...collection.diagnostics,
      ...ledger.diagnostics,
      ...images.diagnostics,
    ];
    if (hasErrors(diagnostics)) {
      await rm(staging, { recursive: true, force: true });
      return fail(diagnostics);
    }

    // Articles in a feed are shown by the main thread too: their HTML is kept here for the whole build.
    const seeds = emptySeeds();
    const published = adoptViews(collection.published, store, root);
    for (const body of store.pending) defineLazyBody(body.article, root, seeds);

    const data = makeSiteData(config, published, ledger.ledger, images.plan);
    // Planned once: the pages step needs to know which articles the feeds show, the feeds step renders them.
    const feedPlans = planFeeds(config, data.model.articles, { issues: data.issues });
    const inFeeds = new Set(feedPlans.flatMap((f) => f.inputs.articles.map((a) => a.file)));
    const imagesKey = hashText(images.plan.sources.join("\n"));
    const output = createOutputWriter({ outDir, staging, cacheDir, previous, swap: swapDirectory });
    const context: BuildContext = {
      root,
      outDir,
      cacheDir,
      config,
      now: options.now,
      data,
      jobs,
      templatesDir,
      workerThreshold,
      output,
      pool: startPool,
      pending: store.pending,
      feedArticles: inFeeds,
      feedPlans,
      seeds,
      summaries: createSummaryTracker(store.pending.map((p) => p.file)),
      indexedPages: createMilestone(),
      // Pages show image sizes and copies, which come from the image files, not the articles: any image
      // change renders the pages again.
      key: (...parts) => hashText([globalKey, imagesKey, ...parts].join("\0")),
      dataKey: (...parts) => hashText([dataKey, imagesKey, ...parts].join("\0")),
      templateHash: createTemplateHasher(templatesDir, hashText),
      hashValue: createValueHasher(articleFingerprint),
      rendered: { pages: 0, feeds: 0 },
      failures: [],
    };
    // GAZETTE_TIMINGS=1 prints how long each step took (for docs/performance.md).
    // With the main thread's memory then (resident, and the JavaScript heap in use: live data only when
    // node runs with --expose-gc, which lets it collect first).
    const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
    const timings = process.env.GAZETTE_TIMINGS
      ? (line: string) => {
          (globalThis as { gc?: () => void }).gc?.();
          const { rss, heapUsed } = process.memoryUsage();
          process.stderr.write(`${line} (rss ${mb(rss)}, heap ${mb(heapUsed)})\n`);
        }
      : null;
    timings?.(`load ${(performance.now() - begun).toFixed(0)} ms`);
    for (const group of BUILD_STEPS) {
      const steps = options.search === false ? group.filter((step) => step.name !== "search") : group;
      await Promise.all(
        steps.map(async (step) => {
          const grouped = performance.now();
          if (step.after) await step.after(context);
          const started = performance.now();
          await step.run(context);
          const waited = step.after ? ` (started after ${(started - grouped).toFixed(0)} ms)` : "";
          timings?.(`${step.name} ${(performance.now() - started).toFixed(0)} ms${waited}`);
        }),
      );
    }
    const failures = context.failures;
    if (failures.length > 0) {
      await rm(staging, { recursive: true, force: true });
      return fail([...diagnostics, ...failures]);
    }
    const committing = performance.now();
    await output.commit();
    await store.save();
    timings?.(`commit ${(performance.now() - committing).toFixed(0)} ms`);
    const files = Object.keys(output.outputs()).length;
    const written = output.writtenCount();
    return { ok: true, diagnostics, written, kept: files - written, rendered: context.rendered, outDir };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    await (pool as RenderPool | null)?.close();
  }
}
