import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import type { ArticleCache } from "../articles/load-articles.ts";
import { writeFeeds } from "../build/write-feeds.ts";
import { renderFeeds } from "../feeds/render-feeds.ts";
import { formatDiagnostic, sortDiagnostics } from "../shared/diagnostic.ts";
import { renderBatches, renderWithEleventy } from "../site/eleventy-batches.ts";
import { loadSiteData, type SiteData } from "../site/load-site-data.ts";

/** Article pages per Eleventy run in the background rebuild: small, so a new edit never waits long. */
const DEV_BATCH = 500;

export interface DevServerOptions {
  root: string;
  outDir: string;
  port: number;
  url?: string;
  log: (line: string) => void;
}

/**
 * The dev server: one full build, then it watches articles/, templates/ and the configuration. A saved
 * article's own page is rendered first from the in-memory model (re-reading only the changed file) and the
 * browser reloads; the rest of the site (listings, neighbours, feeds) follows in a background rebuild.
 * A template or configuration change rebuilds everything.
 */
export async function startDevServer(options: DevServerOptions): Promise<{ close: () => Promise<void> }> {
  const { root, outDir, log } = options;
  const cache: ArticleCache = new Map();
  let data: SiteData | null = null;
  const server = EleventyDevServer.getServer("gazette", outDir, {
    port: options.port,
    pathPrefix: "/",
    domDiff: false,
    logger: { info: log, log, error: log, forceLog: log },
  });

  const load = async (): Promise<SiteData | null> => {
    const result = await loadSiteData({
      root,
      now: new Date(),
      cache,
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    for (const d of sortDiagnostics(result.diagnostics)) log(formatDiagnostic(d));
    if (!result.data)
      server.sendError({ error: new Error(result.diagnostics.map(formatDiagnostic).join("\n")) });
    return result.data;
  };
  /** Bumped by every saved file: a background rebuild stops between batches when it is out of date. */
  let generation = 0;
  const renderAll = async (site: SiteData): Promise<boolean> => {
    const mine = generation;
    for (const batch of renderBatches(site, DEV_BATCH)) {
      if (mine !== generation) return false;
      await renderWithEleventy(root, outDir, batch);
    }
    await writeFeeds(outDir, renderFeeds(site.config, site.model.articles));
    return true;
  };

  let queue: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  let fullRebuild = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (file: string, full: boolean): void => {
    changed.add(file);
    fullRebuild ||= full;
    generation++;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      const full = fullRebuild;
      changed.clear();
      fullRebuild = false;
      queue = queue.then(() => update(files, full)).catch((e) => log(`error: ${(e as Error).message}`));
    }, 40);
  };

  const update = async (files: string[], full: boolean): Promise<void> => {
    const started = performance.now();
    if (full) cache.clear();
    const site = await load();
    if (!site) return;
    data = site;
    if (!full) {
      const absolute = new Set(files.map((f) => path.resolve(root, f)));
      const pages = site.model.articlePages.filter((p) => absolute.has(path.resolve(root, p.article.file)));
      if (pages.length > 0) {
        await renderWithEleventy(root, outDir, {
          data: { ...site, model: { ...site.model, articlePages: pages } },
          only: ["article.njk"],
        });
        server.reload({ files: pages.map((p) => path.join(outDir, p.article.url, "index.html")) });
        log(
          `updated ${pages.map((p) => p.article.url).join(", ")} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
        );
      }
    }
    if (!(await renderAll(site))) return; // newer edits came in: their update rebuilds again
    server.reload({});
    log(`rebuilt the site in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  };

  const started = performance.now();
  data = await load();
  if (data) await renderAll(data);
  log(`built in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  server.serve(options.port);

  // chokidar rather than fs.watch: editors save by renaming a temporary file, which Node's recursive
  // watcher on Linux loses track of.
  const templates = path.join(import.meta.dirname, "..", "..", "templates");
  const watcher = chokidar.watch(
    [path.join(root, "articles"), path.join(root, "gazette.config.yaml"), templates],
    {
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 10 },
    },
  );
  watcher.on("all", (_, file) => {
    if (file.startsWith(path.join(root, "articles"))) {
      if (file.endsWith(".md")) schedule(file, false);
    } else schedule(file, true);
  });
  return {
    close: async () => {
      await watcher.close();
      await server.close();
    },
  };
}
