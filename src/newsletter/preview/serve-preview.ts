import http from "node:http";
import type { AddressInfo } from "node:net";
import type { PreviewFiles } from "./preview-files.ts";

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  eml: "message/rfc822",
  mjml: "text/plain; charset=utf-8",
};

/**
 * Serves a preview's files from memory on `host` (127.0.0.1) and `port` (0: a free one): `/` is the
 * preview page, `/<name>` each file; anything else is 404. Nothing on disk is served.
 */
export async function servePreview(
  files: PreviewFiles,
  options: { host: string; port: number },
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://preview.invalid").pathname;
    const name = pathname === "/" ? "index.html" : pathname.slice(1);
    const body = files.get(name);
    if (body === undefined || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(body === undefined ? 404 : 405, { "content-type": TYPES.txt });
      response.end(body === undefined ? `not in the preview: ${pathname}\n` : "GET only\n");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
