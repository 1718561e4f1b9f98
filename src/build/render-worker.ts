// A render worker (worker_threads): summarises article bodies, then renders pages into the staging folder.
// Started by render-pool.ts; messages in and out are described there.
import { parentPort, workerData } from "node:worker_threads";
import { renderBody } from "../cache/article-store.ts";
import type { SiteData } from "../site/load-site-data.ts";
import type { PoolRequest, PoolResponse } from "./render-pool.ts";
import { createRenderSession, type RenderSession, reattachBodies } from "./render-session.ts";

const { root, templatesDir, staging } = workerData as { root: string; templatesDir: string; staging: string };
const seeds = new Map<string, string>();
let session: RenderSession | null = null;

function handle(request: PoolRequest): PoolResponse {
  if (request.type === "summarize") {
    const results = request.items.map((item) => {
      const body = renderBody(item.markdown, item.givenSummary);
      seeds.set(item.file, body.html);
      return { summary: body.summary, wordCount: body.wordCount, readingMinutes: body.readingMinutes };
    });
    return { id: request.id, type: "summarized", results };
  }
  if (request.type === "init") {
    const data = request.data as SiteData;
    reattachBodies(data, root, seeds);
    session = createRenderSession({ root, templatesDir, data, staging });
    return { id: request.id, type: "ready", pages: session.pages.length };
  }
  if (!session) throw new Error("Gazette: a render request came before the site data");
  const current = session;
  return { id: request.id, type: "rendered", results: request.tasks.map((task) => current.render(task)) };
}

parentPort?.on("message", (request: PoolRequest) => {
  try {
    parentPort?.postMessage(handle(request));
  } catch (e) {
    parentPort?.postMessage({ id: request.id, type: "failed", message: (e as Error).message });
  }
});
