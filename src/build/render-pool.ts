import { Worker } from "node:worker_threads";
import { applySummary, type BodySummary, type PendingBody } from "../cache/article-store.ts";
import type { SiteData } from "../site/load-site-data.ts";
import type { PageTask, RenderedPage } from "./render-session.ts";

/** Messages to a render worker. */
export type PoolRequest =
  | {
      id: number;
      type: "summarize";
      items: { file: string; markdown: string; givenSummary: string | null }[];
    }
  | { id: number; type: "init"; data: SiteData }
  | { id: number; type: "render"; tasks: PageTask[] };

/** Messages from a render worker. */
export type PoolResponse =
  | { id: number; type: "summarized"; results: BodySummary[] }
  | { id: number; type: "ready"; pages: number }
  | { id: number; type: "rendered"; results: RenderedPage[] }
  | { id: number; type: "failed"; message: string };

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Old-generation heap of each worker (MB): a worker that needs more fails the build instead of the machine. */
export const WORKER_HEAP_MB = 1024;
/** Pages per request: small enough to balance the workers, large enough that messages cost nothing. */
const CHUNK = 64;

export interface RenderPoolOptions {
  jobs: number;
  root: string;
  templatesDir: string;
  staging: string;
}

/** A page to render, and the worker that already holds its article's HTML (from summarising), if any. */
export interface PoolTask extends PageTask {
  owner?: number;
}

export interface RenderPool {
  readonly size: number;
  /** Summarises the bodies in the workers, `jobs` contiguous shards; returns each file's worker. */
  summarize(pending: readonly PendingBody[]): Promise<Map<string, number>>;
  /** Sends every worker the site data; each makes the same page plan. */
  init(data: SiteData): Promise<void>;
  /** Renders the tasks, each worker taking its own articles' pages first, then any; `onPage` sees each. */
  render(tasks: readonly PoolTask[], onPage: (page: RenderedPage) => void): Promise<void>;
  close(): Promise<void>;
}

/** Run from TypeScript sources (tsx), a worker registers tsx itself first: loader hooks are per thread. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./render-worker.ts" : "./render-worker.mjs", import.meta.url);
const SOURCE_BOOT = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;

/** Starts `jobs` render workers (worker threads) with a bounded heap each. */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const workers = Array.from(
    { length: options.jobs },
    () =>
      new Worker(FROM_SOURCE ? SOURCE_BOOT : WORKER_URL, {
        eval: FROM_SOURCE,
        workerData: { root: options.root, templatesDir: options.templatesDir, staging: options.staging },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
  );
  let nextId = 0;
  let failure: Error | null = null;
  const waiting = new Map<number, { resolve: (r: PoolResponse) => void; reject: (e: Error) => void }>();
  for (const worker of workers) {
    worker.on("message", (response: PoolResponse) => {
      const pending = waiting.get(response.id);
      waiting.delete(response.id);
      if (response.type === "failed") pending?.reject(new Error(response.message));
      else pending?.resolve(response);
    });
    worker.on("error", (e) => {
      failure = e;
      for (const pending of waiting.values()) pending.reject(e);
      waiting.clear();
    });
  }
  const ask = (worker: Worker, request: WithoutId<PoolRequest>): Promise<PoolResponse> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };

  return {
    size: workers.length,
    async summarize(pending) {
      const owners = new Map<string, number>();
      const share = Math.ceil(pending.length / workers.length);
      await Promise.all(
        workers.map(async (worker, k) => {
          const shard = pending.slice(k * share, (k + 1) * share);
          if (shard.length === 0) return;
          const items = shard.map((p) => ({
            file: p.file,
            markdown: p.markdown,
            givenSummary: p.givenSummary,
          }));
          const response = await ask(worker, { type: "summarize", items });
          if (response.type !== "summarized") throw new Error("Gazette: unexpected worker reply");
          response.results.forEach((summary, i) => {
            const body = shard[i];
            if (!body) return;
            applySummary(body.article, summary);
            owners.set(body.article.file, k);
          });
        }),
      );
      return owners;
    },
    async init(data) {
      await Promise.all(workers.map((worker) => ask(worker, { type: "init", data })));
    },
    async render(tasks, onPage) {
      const own: PoolTask[][] = workers.map(() => []);
      const shared: PoolTask[] = [];
      for (const task of tasks) {
        const queue = task.owner === undefined ? undefined : own[task.owner];
        (queue ?? shared).push(task);
      }
      const take = (k: number): PageTask[] => {
        const mine = own[k] ?? [];
        if (mine.length > 0) return mine.splice(0, CHUNK);
        if (shared.length > 0) return shared.splice(0, CHUNK);
        const other = own.reduce((a, b) => (b.length > a.length ? b : a), []);
        return other.splice(Math.max(0, other.length - CHUNK)); // steal from the end
      };
      await Promise.all(
        workers.map(async (worker, k) => {
          for (let chunk = take(k); chunk.length > 0; chunk = take(k)) {
            const tasks = chunk.map(({ index, previousHash }) => ({
              index,
              ...(previousHash === undefined ? {} : { previousHash }),
            }));
            const response = await ask(worker, { type: "render", tasks });
            if (response.type !== "rendered") throw new Error("Gazette: unexpected worker reply");
            for (const page of response.results) onPage(page);
          }
        }),
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
