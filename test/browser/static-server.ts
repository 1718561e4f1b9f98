import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".json": "application/feed+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
};

/**
 * Serves a built site from a folder on 127.0.0.1 (a free port), as a plain static host would: `/x/` serves
 * `x/index.html`, unknown paths get `404.html` with status 404. `prefix` mounts the folder under a path.
 */
export async function serveFolder(
  dir: string,
  prefix = "/",
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length - 1) : null;
    let file = inside === null ? null : path.join(dir, path.normalize(inside));
    if (file && !file.startsWith(dir)) file = null;
    if (file?.endsWith(path.sep)) file = path.join(file, "index.html");
    const found = file ? await stat(file).catch(() => null) : null;
    if (!file || !found?.isFile()) {
      response.writeHead(404, { "content-type": TYPES[".html"] });
      createReadStream(path.join(dir, "404.html")).pipe(response);
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
