import { serialize } from "node:v8";
import type { Worker } from "node:worker_threads";
import {
  type ArticleFile,
  applySummary,
  type BodySeeds,
  type BodySummary,
  PARSE_BATCH,
  type ParsedFile,
  type PendingBody,
  parseArticleFile,
} from "../cache/article-store.ts";
import type { SiteData } from "../site/load-site-data.ts";
import type { PageTask, RenderedPage } from "./render-session.ts";
import { earlyError, startRenderThreads } from "./render-threads.ts";

/** An article whose body a worker renders, with the page tasks of its own page(s). */
export interface ArticleItem {
  file: string;
  markdown: string;
  givenSummary: string | null;
  /** Send the HTML back (the feeds show this article). */
  returnHtml: boolean;
  tasks: PageTask[];
}

/** Messages to a render worker. */
export type PoolRequest =
  | { id: number; type: "parse"; files: ArticleFile[]; timeZone: string }
  /**
   * `site`: the project root, templates and staging folders, the site data and the unsummarized files,
   * `v8.serialize`d once for every worker.
   */
  | { id: number; type: "init"; site: Uint8Array }
  | { id: number; type: "articles"; items: ArticleItem[] }
  | { id: number; type: "summaries"; summaries: [string, BodySummary][] }
  | { id: number; type: "render"; tasks: PageTask[] };

/** Messages from a render worker. */
export type PoolResponse =
  | { id: number; type: "parsed"; results: ParsedFile[] }
  | { id: number; type: "ready"; pages: number }
  | {
      id: number;
      type: "articles";
      summaries: (BodySummary & { html?: string })[];
      rendered: RenderedPage[];
      /** Pages that read a summary not known yet: rendered again once every summary is. */
      deferred: number[];
    }
  | { id: number; type: "rendered"; results: RenderedPage[] }
  | { id: number; type: "failed"; message: string };

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Pages per request: small enough to balance the workers, large enough that messages cost nothing. */
const CHUNK = 64;

export interface RenderPoolOptions {
  jobs: number;
  root: string;
  templatesDir: string;
  staging: string;
  /** Worker threads already started (`startRenderThreads`), used instead of starting `jobs` new ones. */
  threads?: Worker[];
}

export interface RenderPool {
  readonly size: number;
  /**
   * Parses article files (`parseArticleFile`), in chunks: a chunk goes to a worker that is not parsing
   * one already, else it is parsed here at once. Called chunk by chunk while this thread reads the files
   * (and lets the workers' replies in between), it keeps every thread busy and few files in flight; the
   * workers have nothing else to do while the articles load. Results in the files' order.
   */
  parse(files: ArticleFile[], timeZone: string): Promise<ParsedFile[]>;
  /**
   * Sends every worker the site data; each makes the same page plan. The articles in `unsummarized` have
   * no summary yet: a page that shows one waits (see `articles`).
   */
  init(data: SiteData, unsummarized: readonly string[]): Promise<void>;
  /**
   * Renders the bodies of the pending articles in the workers, in chunks, each with its own page: the
   * summaries are applied to the articles here, HTML the feeds need (`keep`) goes into `seeds.kept`.
   * Returns the pages that had to wait for other articles' summaries; every worker knows them all after.
   */
  articles(
    pending: readonly PendingBody[],
    tasksOf: (body: PendingBody) => PageTask[],
    seeds: BodySeeds,
    keep: ReadonlySet<string>,
    onPage: (page: RenderedPage) => void,
    onSummaries?: (files: string[]) => void,
  ): Promise<number[]>;
  /** Renders page tasks, shared out in chunks as the workers finish; `onPage` sees each page. */
  render(tasks: readonly PageTask[], onPage: (page: RenderedPage) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * A pool of `jobs` render workers (worker threads with a bounded heap each: `startRenderThreads`), or of
 * the `threads` given, started earlier.
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const workers = options.threads ?? startRenderThreads(options.jobs);
  const place = { root: options.root, templatesDir: options.templatesDir, staging: options.staging };
  /** Workers with a chunk of article files to parse: another chunk goes to one without, else is parsed here. */
  const parsing = new Set<Worker>();
  let nextId = 0;
  // A worker that failed before this pool listened (it could not start) fails every request.
  let failure: Error | null = workers.map(earlyError).find((e) => e !== null) ?? null;
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

  /** Hands out chunks of `queue` to every worker until it is empty. */
  const drain = async <T>(queue: T[], send: (worker: Worker, chunk: T[]) => Promise<void>): Promise<void> => {
    await Promise.all(
      workers.map(async (worker) => {
        for (let chunk = queue.splice(0, CHUNK); chunk.length > 0; chunk = queue.splice(0, CHUNK))
          await send(worker, chunk);
      }),
    );
  };

  return {
    size: workers.length,
    async parse(files, timeZone) {
      const chunks: ArticleFile[][] = [];
      for (let start = 0; start < files.length; start += PARSE_BATCH)
        chunks.push(files.slice(start, start + PARSE_BATCH));
      const parsed = chunks.map(async (chunk): Promise<ParsedFile[]> => {
        const idle = workers.find((worker) => !parsing.has(worker));
        if (!idle) return chunk.map((file) => parseArticleFile(file, timeZone));
        parsing.add(idle);
        try {
          const response = await ask(idle, { type: "parse", files: chunk, timeZone });
          if (response.type !== "parsed") throw new Error("Gazette: unexpected worker reply");
          return response.results;
        } finally {
          parsing.delete(idle);
        }
      });
      return (await Promise.all(parsed)).flat();
    },
    async init(data, unsummarized) {
      // Serialized here once (the structured clone that postMessage would make for each worker), then
      // copied to each as bytes: the workers wait for it, so this thread's time is everyone's.
      const site = serialize({ ...place, data, unsummarized: [...unsummarized] });
      await Promise.all(workers.map((worker) => ask(worker, { type: "init", site })));
    },
    async articles(pending, tasksOf, seeds, keep, onPage, onSummaries) {
      const deferred: number[] = [];
      const summaries: [string, BodySummary][] = [];
      await drain([...pending], async (worker, chunk) => {
        const items = chunk.map((body) => ({
          file: body.file,
          markdown: body.markdown,
          givenSummary: body.givenSummary,
          returnHtml: keep.has(body.file),
          tasks: tasksOf(body),
        }));
        const asked = ask(worker, { type: "articles", items });
        // The worker has its copy of the Markdown now: this thread no longer needs it.
        for (const body of chunk) body.markdown = "";
        const response = await asked;
        if (response.type !== "articles") throw new Error("Gazette: unexpected worker reply");
        response.summaries.forEach((summary, i) => {
          const body = chunk[i];
          if (!body) return;
          const { html, ...fields } = summary;
          applySummary(body.article, fields);
          summaries.push([body.file, fields]);
          if (html !== undefined) seeds.kept.set(body.file, html);
        });
        onSummaries?.(chunk.map((body) => body.file));
        for (const page of response.rendered) onPage(page);
        deferred.push(...response.deferred);
      });
      await Promise.all(workers.map((worker) => ask(worker, { type: "summaries", summaries })));
      return deferred;
    },
    async render(tasks, onPage) {
      await drain([...tasks], async (worker, chunk) => {
        const response = await ask(worker, { type: "render", tasks: chunk });
        if (response.type !== "rendered") throw new Error("Gazette: unexpected worker reply");
        for (const page of response.results) onPage(page);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
