// A render worker (worker_threads): parses article files while the site loads, then renders article
// bodies and their pages as it goes, then any pages, into the staging folder. Started by render-pool.ts, which describes the messages.
import { deserialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import type { Article } from "../articles/article.ts";
import {
  applySummary,
  type BodySummary,
  emptySeeds,
  parseArticleFile,
  renderBody,
} from "../cache/article-store.ts";
import type { SiteData } from "../site/load-site-data.ts";
import type { PoolRequest, PoolResponse } from "./render-pool.ts";
import {
  createRenderSession,
  type RenderedPage,
  type RenderSession,
  reattachBodies,
} from "./render-session.ts";

const seeds = emptySeeds();
let session: RenderSession | null = null;
let byFile = new Map<string, Article>();
/** Set when a page read a summary this worker does not know yet: that page waits for the summaries. */
let deferredRead = false;

const SUMMARY_KEYS = ["summary", "wordCount", "readingMinutes"] as const;

/** Makes an article's summary fields unknown until set: reading one defers the page being rendered. */
function awaitSummary(article: Article): void {
  const values: Partial<Record<(typeof SUMMARY_KEYS)[number], unknown>> = {};
  for (const key of SUMMARY_KEYS) {
    Object.defineProperty(article, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!(key in values)) {
          deferredRead = true;
          throw new Error(`Gazette: the summary of ${article.file} is not known yet`);
        }
        return values[key];
      },
      set: (value: unknown) => {
        values[key] = value;
      },
    });
  }
}

function renderOrDefer(
  current: RenderSession,
  task: { index: number; previousHash?: string },
): RenderedPage | number {
  deferredRead = false;
  try {
    return current.render(task);
  } catch (e) {
    if (deferredRead) return task.index;
    throw e;
  }
}

function handle(request: PoolRequest): PoolResponse {
  if (request.type === "parse") {
    const results = request.files.map((file) => parseArticleFile(file, request.timeZone));
    return { id: request.id, type: "parsed", results };
  }
  if (request.type === "init") {
    const { root, templatesDir, staging, data, unsummarized } = deserialize(request.site) as {
      root: string;
      templatesDir: string;
      staging: string;
      data: SiteData;
      unsummarized: string[];
    };
    reattachBodies(data, root, seeds);
    byFile = new Map(data.model.articles.map((a) => [a.file, a]));
    for (const file of unsummarized) {
      const article = byFile.get(file);
      if (article) awaitSummary(article);
    }
    session = createRenderSession({ root, templatesDir, data, staging });
    return { id: request.id, type: "ready", pages: session.pages.length };
  }
  if (!session) throw new Error("Gazette: a request came before the site data");
  const current = session;
  if (request.type === "summaries") {
    for (const [file, summary] of request.summaries) {
      const article = byFile.get(file);
      if (article) applySummary(article, summary);
    }
    return { id: request.id, type: "ready", pages: current.pages.length };
  }
  if (request.type === "articles") {
    const summaries: (BodySummary & { html?: string })[] = [];
    for (const item of request.items) {
      const body = renderBody(item.markdown, item.givenSummary);
      const summary = {
        summary: body.summary,
        wordCount: body.wordCount,
        readingMinutes: body.readingMinutes,
      };
      const article = byFile.get(item.file);
      if (article) applySummary(article, summary);
      seeds.once.set(item.file, { html: body.html, text: body.text });
      summaries.push(item.returnHtml ? { ...summary, html: body.html } : summary);
    }
    const rendered: RenderedPage[] = [];
    const deferred: number[] = [];
    for (const item of request.items) {
      for (const task of item.tasks) {
        const result = renderOrDefer(current, task);
        if (typeof result === "number") deferred.push(result);
        else rendered.push(result);
      }
      seeds.once.delete(item.file); // read by its page, or by none
    }
    return { id: request.id, type: "articles", summaries, rendered, deferred };
  }
  return { id: request.id, type: "rendered", results: request.tasks.map((task) => current.render(task)) };
}

parentPort?.on("message", (request: PoolRequest) => {
  try {
    parentPort?.postMessage(handle(request));
  } catch (e) {
    parentPort?.postMessage({ id: request.id, type: "failed", message: (e as Error).message });
  }
});
