import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import type { ArticleCache } from "../articles/load-articles.ts";
import { buildSite, CACHE_DIR } from "../build/build-site.ts";
import { markOutput, recoverOutput } from "../build/output-guard.ts";
import { readManifest } from "../cache/build-manifest.ts";
import { formatDiagnostic, sortDiagnostics } from "../shared/diagnostic.ts";
import { TEMPLATES_DIR } from "../shared/package-root.ts";
import { renderWithEleventy } from "../site/eleventy-batches.ts";
import { loadSiteData, type SiteData } from "../site/load-site-data.ts";
import { checkRequestPath } from "./check-request-path.ts";

export interface DevServerOptions {
  root: string;
  /** The output folder, written in place. The caller checks it is one a build may replace. */
  outDir: string;
  /** 0 for any free port; a taken port moves on to the next ones. */
  port: number;
  /** The address to listen on. Default `127.0.0.1`: only this machine can reach the server. */
  host?: string;
  url?: string;
  log: (line: string) => void;
}

export interface DevServer {
  /** The port it listens on (the chosen one when `port` was 0). */
  port: number;
  host: string;
  close: () => Promise<void>;
}

/** The address the dev server listens on unless told otherwise: loopback only. */
export const DEFAULT_HOST = "127.0.0.1";

/**
 * The dev server: it serves the last build's output at once when there is one (and brings it up to date
 * with an incremental build), else builds first; then it watches articles/, templates/ and the
 * configuration. A saved article's own page is rendered first from the in-memory model (re-reading only
 * the changed file) and the browser reloads; the rest of the site (listings, neighbours, feeds, search)
 * follows through the incremental build, which renders only what changed.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root, outDir, log } = options;
  const host = options.host ?? DEFAULT_HOST;
  const cache: ArticleCache = new Map();
  let data: SiteData | null = null;
  const server = EleventyDevServer.getServer("gazette", outDir, {
    port: options.port,
    pathPrefix: "/",
    domDiff: false,
    logger: { info: log, log, error: log, forceLog: log },
    // Its own start message names localhost on every interface; ours below names the real address.
    messageOnStart: () => false,
    middleware: [
      // While the content has errors, every page is the error page, so nobody mistakes the last good
      // output for the current one; it refreshes itself and the page is back once the error is fixed.
      (req, res, next) => {
        if (buildError === null || !wantsPage(req.url ?? "")) return next();
        res.statusCode = 500;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.end(errorPage(buildError));
      },
      // A malformed path gets a 400 here: the file lookup behind it throws on it, and would end the process.
      async (req, res, next) => {
        const refused = checkRequestPath(req.url ?? "");
        if (refused) return badRequest(res, refused);
        try {
          return await next();
        } catch (e) {
          return badRequest(res, `the request could not be served (${(e as Error).message})`);
        }
      },
    ],
  });
  // The package listens on every interface; listen where we are told, loopback by default.
  server._serverListen = (port: number) => {
    server.server.listen({ port, host });
  };

  /** The current build error (diagnostics, one per line), or null when the content builds. */
  let buildError: string | null = null;
  const load = async (): Promise<SiteData | null> => {
    const result = await loadSiteData({
      root,
      now: new Date(),
      cache,
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    for (const d of sortDiagnostics(result.diagnostics)) log(formatDiagnostic(d));
    if (!result.data) {
      buildError = sortDiagnostics(result.diagnostics)
        .filter((d) => d.severity === "error")
        .map(formatDiagnostic)
        .join("\n");
      // An open page shows it at once (the client's overlay); any page asked for shows the error page.
      server.sendError({ error: new Error(buildError) });
    } else buildError = null;
    return result.data;
  };
  /**
   * Brings the whole output up to date with the incremental build (`.gazette-cache/`): only the pages,
   * feeds and search index whose inputs changed are rendered, deleted articles' pages go.
   */
  const buildAll = async (): Promise<boolean> => {
    const result = await buildSite({
      root,
      outDir,
      now: new Date(),
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    if (result.ok) return true;
    // Content errors are shown by load(); what else fails the build (a template) is shown the same way.
    buildError = sortDiagnostics(result.diagnostics)
      .filter((d) => d.severity === "error")
      .map(formatDiagnostic)
      .join("\n");
    for (const line of buildError.split("\n")) log(line);
    server.sendError({ error: new Error(buildError) });
    return false;
  };

  let queue: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  let fullRebuild = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = (file: string, full: boolean): void => {
    changed.add(file);
    fullRebuild ||= full;
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
    const before = data;
    data = site;
    // A deleted or renamed article's old page goes at once: 404 before anything else is rebuilt.
    const gone = before ? goneArticleUrls(before, site) : [];
    for (const url of gone) await rm(path.join(outDir, url), { recursive: true, force: true });
    if (gone.length > 0) log(`removed ${gone.join(", ")}`);
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
    if (closed || !(await buildAll())) return;
    server.reload({});
    log(`rebuilt the site in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  };

  for (const note of await recoverOutput(outDir)) log(note);
  const started = performance.now();
  // With the last build's output and manifest, serve them at once and bring them up to date after;
  // otherwise build first.
  const warm = (await readManifest(path.join(root, CACHE_DIR), outDir)) !== null && existsSync(outDir);
  if (!warm) {
    data = await load();
    if (data) await buildAll();
    await mkdir(outDir, { recursive: true });
    await markOutput(outDir);
    log(`built in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  server.serve(options.port);
  await server.ready();
  const port = (server.server.address() as AddressInfo).port;
  log(`serving http://${host.includes(":") ? `[${host}]` : host}:${port}/`);
  if (warm)
    queue = (async () => {
      data = await load();
      if (!data || closed || !(await buildAll())) return;
      server.reload({});
      log(`brought the last build up to date in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    })().catch((e) => log(`error: ${(e as Error).message}`));

  // chokidar rather than fs.watch: editors save by renaming a temporary file, which Node's recursive
  // watcher on Linux loses track of.
  const templates = TEMPLATES_DIR;
  const watcher = chokidar.watch(
    [path.join(root, "articles"), path.join(root, "gazette.config.yaml"), templates],
    {
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 10 },
    },
  );
  // Until its first scan is done the watcher would miss a file deleted or renamed meanwhile.
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  watcher.on("all", (_, file) => {
    if (file.startsWith(path.join(root, "articles"))) {
      if (file.endsWith(".md")) schedule(file, false);
    } else schedule(file, true);
  });
  return {
    port,
    host,
    close: async () => {
      await watcher.close();
      // Let a rebuild in progress finish (it commits as a whole), and start no other.
      clearTimeout(timer);
      closed = true;
      await queue.catch(() => undefined);
      await server.close();
    },
  };
}

/** The site-relative URLs of article pages in the previous model that the new one no longer has. */
export function goneArticleUrls(before: SiteData, after: SiteData): string[] {
  const now = new Set(after.model.articlePages.map((p) => p.article.url));
  return before.model.articlePages
    .map((p) => p.article.url)
    .filter((url) => !now.has(url) && /^\/[^.]/.test(url) && !url.includes(".."));
}

/** Whether a request is for a page (not an asset): `/`, `/x/`, `/x.html`. */
function wantsPage(url: string): boolean {
  const pathname = url.split("?")[0] ?? "";
  return pathname.endsWith("/") || pathname.endsWith(".html");
}

/** The page shown instead of the site while the content has errors: each error with file and line. */
export function errorPage(errors: string): string {
  const escaped = errors.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="1">
<title>Build error</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:1rem}</style>
</head>
<body>
<main>
<h1>The site does not build</h1>
<p>Fix the file named below and save: this page reloads by itself and shows the site again.</p>
<pre>${escaped}</pre>
</main>
</body>
</html>
`;
}

/** Answers 400 with the reason as plain text. */
function badRequest(res: ServerResponse, reason: string): void {
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`400 Bad Request: ${reason}\n`);
}
