import path from "node:path";
import { setImmediate } from "node:timers/promises";
import { summarizeBodies } from "../../cache/article-store.ts";
import { readPath } from "../../cache/track-reads.ts";
import { readPageTemplates } from "../../render/page-template.ts";
import { type PagePlan, planPages } from "../../render/plan-pages.ts";
import { isIndexedPage } from "../../search/indexed-part.ts";
import type { BuildContext, BuildStep } from "../build-context.ts";
import { createRenderSession, type PageTask, type RenderedPage } from "../render-session.ts";

/** Fewer pages than this to render are rendered in this thread: starting workers would cost more. */
export const POOL_THRESHOLD = 300;

/** The article a page is about (`entry.article`), whose HTML a worker may hold already. */
function articleFileOf(page: PagePlan): string | undefined {
  const entry = page.data.entry as { article?: { file?: unknown } } | undefined;
  return typeof entry?.article?.file === "string" ? entry.article.file : undefined;
}

/**
 * Renders the site's pages from templates/pages/. A page is rendered again only when its key changed: the
 * code, templates and configuration, its own data (its article, neighbours, related articles, listing
 * items…) and the parts of the global data it read last time (`gazette.model.tags`). Pages render in the
 * workers when there are many, else here; either way each page is rendered alone, so the bytes are the same.
 */
export const renderPages: BuildStep = {
  name: "pages",
  async run(context: BuildContext) {
    const { output } = context;
    const globals = { gazette: context.data };
    const pages = planPages(readPageTemplates(path.join(context.templatesDir, "pages")), globals);
    const readHashes = new Map<string, string>();
    const readHash = (dotted: string): string => {
      let hash = readHashes.get(dotted);
      if (hash === undefined) {
        hash = context.hashValue(readPath(globals, dotted));
        readHashes.set(dotted, hash);
      }
      return hash;
    };
    const own: string[] = [];
    // A page's key has the hashes of the templates it used, not of every template: editing the article
    // page's partial renders the article pages again, not the listings.
    const keyOf = (index: number, reads: readonly string[], templates: readonly string[]): string =>
      context.dataKey(
        "page",
        pages[index]?.outputPath ?? "",
        own[index] ?? "",
        ...reads.map((r) => `${r}=${readHash(r)}`),
        ...templates.map((t) => `${t}=${context.templateHash(t)}`),
      );

    const tasks: PageTask[] = [];
    pages.forEach((page, index) => {
      own[index] = context.hashValue(page.data);
      const previous = output.previous(page.outputPath);
      if (
        previous?.reads &&
        previous.templates &&
        output.keep(page.outputPath, keyOf(index, previous.reads, previous.templates))
      )
        return;
      tasks.push({ index, ...(previous ? { previousHash: previous.hash } : {}) });
      const dir = path.posix.dirname(page.outputPath);
      output.ensureDir(dir === "." ? "" : dir);
    });

    // The article pages render first; once the last is written the search step can start.
    const indexedLeft = new Set(
      tasks.filter((task) => isIndexedPage(pages[task.index]?.outputPath ?? "")).map((t) => t.index),
    );
    const indexedFirst = (list: PageTask[]): PageTask[] => [
      ...list.filter((task) => indexedLeft.has(task.index)),
      ...list.filter((task) => !indexedLeft.has(task.index)),
    ];
    if (indexedLeft.size === 0) context.indexedPages.reach();

    const onPage = (rendered: RenderedPage): void => {
      const page = pages[rendered.index];
      if (!page) return;
      if (indexedLeft.delete(rendered.index) && indexedLeft.size === 0) context.indexedPages.reach();
      context.rendered.pages++;
      const key = keyOf(rendered.index, rendered.reads, rendered.templates);
      const previous = output.previous(page.outputPath);
      const { reads, templates } = rendered;
      const indexed = rendered.indexed === undefined ? {} : { indexed: rendered.indexed };
      if (!rendered.written && previous)
        output.record(page.outputPath, { ...previous, key, reads, templates, ...indexed }, false);
      else {
        const { hash, size, mtimeMs } = rendered;
        output.record(page.outputPath, { key, hash, size, mtimeMs, reads, templates, ...indexed }, true);
      }
    };

    const { pending } = context;
    const bodiesInPool = pending.length >= context.workerThreshold;
    const pool = bodiesInPool || tasks.length >= context.workerThreshold ? context.pool() : null;
    if (!pool) {
      summarizeBodies(pending, context.root, context.seeds, context.feedArticles);
      context.summaries.allKnown();
      const session = createRenderSession({
        root: context.root,
        templatesDir: context.templatesDir,
        data: context.data,
        staging: output.staging,
      });
      for (const task of indexedFirst(tasks)) {
        const wasReached = context.indexedPages.done;
        onPage(session.render(task));
        // Let the search step start its (separate) Pagefind process before the listings render here.
        if (!wasReached && context.indexedPages.done) await setImmediate();
      }
      return;
    }
    let rest = tasks;
    if (bodiesInPool) {
      // Each worker renders a chunk of bodies and, right away, their own pages (no body is kept waiting);
      // pages that show other new articles' summaries render after, once all are known.
      const byArticle = new Map<string, PageTask[]>();
      rest = [];
      for (const task of tasks) {
        const file = articleFileOf(pages[task.index] as PagePlan);
        const list = file === undefined ? undefined : byArticle.get(file);
        if (file !== undefined && !list) byArticle.set(file, [task]);
        else if (list) list.push(task);
        else rest.push(task);
      }
      const pendingFiles = new Set(pending.map((p) => p.file));
      for (const [file, list] of byArticle) if (!pendingFiles.has(file)) rest.push(...list);
      await pool.init(
        context.data,
        pending.map((p) => p.file),
      );
      // Newest first: the site and tag feeds show the newest articles, and each renders once its are known.
      const newestFirst = [...pending].sort((a, b) => b.article.date.getTime() - a.article.date.getTime());
      const deferred = await pool.articles(
        newestFirst,
        (body) => byArticle.get(body.file) ?? [],
        context.seeds,
        context.feedArticles,
        onPage,
        (files) => context.summaries.known(files),
      );
      context.summaries.allKnown();
      const byIndex = new Map(tasks.map((task) => [task.index, task]));
      for (const index of deferred) rest.push(byIndex.get(index) as PageTask);
    } else {
      summarizeBodies(pending, context.root, context.seeds, context.feedArticles);
      context.summaries.allKnown();
      await pool.init(context.data, []);
    }
    await pool.render(indexedFirst(rest), onPage);
  },
};
