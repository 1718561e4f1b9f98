import { existsSync, mkdirSync } from "node:fs";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import type { ArticleCache } from "../articles/load-articles.ts";
import { buildSite, CACHE_DIR } from "../build/build-site.ts";
import { createRenderSession } from "../build/render-session.ts";
import { manifestPath } from "../cache/build-manifest.ts";
import { formatDiagnostic, sortDiagnostics } from "../shared/diagnostic.ts";
import { TEMPLATES_DIR } from "../shared/package-root.ts";
import { loadSiteData } from "../site/load-site-data.ts";
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
 * The dev server. It starts from the build cache: when the last build's manifest is there it serves the
 * output at once and brings it up to date in the background, else it builds first. Then it watches
 * articles/, templates/ and the configuration: a saved article's own page is rendered first from the
 * in-memory model (re-reading only the changed file) and the browser reloads; the rest of the site
 * (listings, neighbours, feeds) follows in an incremental build, which renders only what changed.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root, outDir, log } = options;
  const host = options.host ?? DEFAULT_HOST;
  const cache: ArticleCache = new Map();
  const server = EleventyDevServer.getServer("gazette", outDir, {
    port: options.port,
    pathPrefix: "/",
    domDiff: false,
    logger: { info: log, log, error: log, forceLog: log },
    // Its own start message names localhost on every interface; ours below names the real address.
    messageOnStart: () => false,
    middleware: [
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

  const build = async (): Promise<boolean> => {
    const started = performance.now();
    const result = await buildSite({
      root,
      outDir,
      now: new Date(),
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    for (const d of sortDiagnostics(result.diagnostics)) log(formatDiagnostic(d));
    if (!result.ok) {
      server.sendError({ error: new Error(result.diagnostics.map(formatDiagnostic).join("\n")) });
      return false;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    log(`built in ${seconds} s (${result.written} files written, ${result.kept} unchanged)`);
    return true;
  };

  /** Renders the pages of saved articles straight into the output, before the build catches up. */
  const renderSaved = async (files: string[]): Promise<void> => {
    const started = performance.now();
    const result = await loadSiteData({
      root,
      now: new Date(),
      cache,
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    if (!result.data) return; // the build that follows reports the errors
    const absolute = new Set(files.map((f) => path.resolve(root, f)));
    const session = createRenderSession({
      root,
      templatesDir: TEMPLATES_DIR,
      data: result.data,
      staging: outDir,
    });
    const urls: string[] = [];
    session.pages.forEach((page, index) => {
      const entry = page.data.entry as { article?: { file: string; url: string } } | undefined;
      if (!entry?.article || !absolute.has(path.resolve(root, entry.article.file))) return;
      mkdirSync(path.join(outDir, path.dirname(page.outputPath)), { recursive: true });
      session.render({ index });
      urls.push(entry.article.url);
    });
    if (urls.length === 0) return;
    server.reload({ files: urls.map((url) => path.join(outDir, url, "index.html")) });
    log(`updated ${urls.join(", ")} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  };

  let queue: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  let fullRebuild = false;
  let timer: NodeJS.Timeout | undefined;
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
    if (full) cache.clear();
    else await renderSaved(files);
    if (await build()) server.reload({});
  };

  // With the last build's manifest, its output is served at once while the build catches up.
  const warm =
    existsSync(path.join(outDir, "index.html")) && existsSync(manifestPath(path.join(root, CACHE_DIR)));
  if (warm) {
    queue = queue.then(async () => {
      if (await build()) server.reload({});
    });
  } else await build();
  server.serve(options.port);
  await server.ready();
  const port = (server.server.address() as AddressInfo).port;
  log(`serving http://${host.includes(":") ? `[${host}]` : host}:${port}/`);

  // chokidar rather than fs.watch: editors save by renaming a temporary file, which Node's recursive
  // watcher on Linux loses track of.
  const watcher = chokidar.watch(
    [path.join(root, "articles"), path.join(root, "gazette.config.yaml"), TEMPLATES_DIR],
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
    port,
    host,
    close: async () => {
      await watcher.close();
      await queue.catch(() => undefined);
      await server.close();
    },
  };
}

/** Answers 400 with the reason as plain text. */
function badRequest(res: ServerResponse, reason: string): void {
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`400 Bad Request: ${reason}\n`);
}
