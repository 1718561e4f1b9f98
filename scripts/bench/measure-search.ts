import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../../test/browser/check-page.ts";

/** What one search in a browser fetched: every file of the first query, and the part that is the query. */
export interface SearchTransfer {
  /** Results the query showed. */
  results: number;
  /** Bytes on the wire for the whole first search: the page, its stylesheet, Pagefind's scripts, the index. */
  totalBytes: number;
  /** Of those, the bytes that depend on the query: index chunks, filters, metadata and result fragments. */
  queryBytes: number;
  /** The same as `totalBytes` without compression. */
  rawBytes: number;
  files: number;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
};

/**
 * Serves `site` on 127.0.0.1 as a typical static host does (gzip for text; Pagefind's index files are
 * already compressed and go as they are), opens `/search/?q=<query>` in Chromium and adds up the encoded
 * body sizes of every response until the results are shown. Null when /usr/bin/chromium is absent.
 */
export async function measureSearch(site: string, query: string): Promise<SearchTransfer | null> {
  if (!existsSync("/usr/bin/chromium")) return null;
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(site, path.normalize(pathname));
    if (file.endsWith(path.sep)) file = path.join(file, "index.html");
    if (!file.startsWith(site) || !(await stat(file).catch(() => null))?.isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    const bytes = await readFile(file);
    const type = TYPES[path.extname(file)];
    if (type) {
      response.writeHead(200, { "content-type": type, "content-encoding": "gzip" });
      response.end(gzipSync(bytes));
    } else {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      response.end(bytes);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: Promise<{ url: string; encoded: number; raw: number }>[] = [];
    context.on("requestfinished", (request) => {
      sizes.push(
        (async () => {
          const response = await request.response();
          const body = await response?.body().catch(() => Buffer.alloc(0));
          return {
            url: request.url(),
            encoded: (await request.sizes()).responseBodySize,
            raw: body?.length ?? 0,
          };
        })(),
      );
    });
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector(".pagefind-ui__result", { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    const results = await page.$$eval(".pagefind-ui__result", (nodes) => nodes.length);
    const all = await Promise.all(sizes);
    const isQuery = (url: string) => /\.pf_(index|fragment|filter|meta)$/.test(new URL(url).pathname);
    return {
      results,
      totalBytes: all.reduce((sum, s) => sum + s.encoded, 0),
      queryBytes: all.filter((s) => isQuery(s.url)).reduce((sum, s) => sum + s.encoded, 0),
      rawBytes: all.reduce((sum, s) => sum + s.raw, 0),
      files: all.length,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
