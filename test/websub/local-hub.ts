import http from "node:http";
import type { AddressInfo } from "node:net";

/** One notification the hub received. */
export interface HubRequest {
  method: string;
  contentType: string;
  form: Record<string, string>;
}

/**
 * A WebSub hub on 127.0.0.1 (a free port) that records publish notifications and answers with `status`
 * (changeable while it runs).
 */
export async function startLocalHub(status = 204) {
  const requests: HubRequest[] = [];
  const state = { status };
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        contentType: request.headers["content-type"] ?? "",
        form: Object.fromEntries(new URLSearchParams(body)),
      });
      response.writeHead(state.status);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    /** The topics notified so far, sorted. */
    topics: () => requests.map((r) => r.form["hub.url"] ?? "").sort(),
    answer: (code: number) => {
      state.status = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
