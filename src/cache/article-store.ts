import { readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import type { Article } from "../articles/article.ts";
import { articlesFolderProblem, listArticleFiles } from "../articles/load-articles.ts";
import { articleMarkdown, parseArticle } from "../articles/parse-article.ts";
import { decodeText } from "../articles/read-text.ts";
import { renderMarkdown } from "../articles/render-markdown.ts";
import { countWords, readingMinutes, summarize } from "../articles/summarize.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { type Diagnostic, error } from "../shared/diagnostic.ts";
import { hashText } from "./hash-value.ts";

/** The body fields every listing shows: known after one Markdown render, then kept in the cache. */
export interface BodySummary {
  summary: string;
  wordCount: number;
  readingMinutes: number;
}

/** An article whose body has not been rendered yet: its Markdown, and where its summary goes. */
export interface PendingBody {
  article: Article;
  file: string;
  markdown: string;
  /** The summary given in front matter, else null (made from the body). */
  givenSummary: string | null;
}

interface StoredArticle {
  hash: string;
  article: Record<string, unknown> | null;
  diagnostics: Diagnostic[];
}

interface StoreFile {
  version: 1;
  key: string;
  entries: Record<string, StoredArticle>;
}

export interface StoreLoad {
  /** Every article that parsed, in file order. */
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Articles read again or for the first time: their bodies still have to be summarised. */
  pending: PendingBody[];
  /** Articles taken from the cache without parsing. */
  reused: number;
  /** Writes the cache for the next build (after the pending bodies are filled in). */
  save(): Promise<void>;
}

const VERSION = 1;
/** Article files handed to the parser at a time: what one thread parses between two looks at the others. */
export const PARSE_BATCH = 32;
const BODY_KEYS = ["html", "text", "summary", "wordCount", "readingMinutes"];
const fingerprints = new WeakMap<object, string>();

/** An article's identity for the cache: its file and its content hash (undefined for other objects). */
export function articleFingerprint(value: object): string | undefined {
  return fingerprints.get(value);
}

/** Renders one body and gives the fields listings need, with the HTML and text. */
export function renderBody(
  markdown: string,
  givenSummary: string | null,
): BodySummary & { html: string; text: string } {
  const body = renderMarkdown(markdown);
  const words = countWords(body.text);
  return {
    html: body.html,
    text: body.text,
    summary: givenSummary ?? summarize(body.lead),
    wordCount: words,
    readingMinutes: readingMinutes(words),
  };
}

/**
 * Bodies rendered while summarising, by article file: `once` (HTML and text) is taken by the first read
 * (the article's page), `kept` (HTML) stays for the whole build (articles that feeds show as well).
 */
export interface BodySeeds {
  once: Map<string, { html: string; text: string }>;
  kept: Map<string, string>;
}

/** Empty seeds. */
export function emptySeeds(): BodySeeds {
  return { once: new Map(), kept: new Map() };
}

/**
 * The body read last: templates read a value twice in a row (Nunjucks looks a member up once to see if it
 * is a function, then again) and a page reads both `html` and `text`, so one slot saves a second render
 * without keeping every body.
 */
const recent: { article: Article | null; html?: string; text?: string } = { article: null };

/**
 * Gives an article `html` and `text` that are rendered from its file when read. They are not enumerable,
 * so copying the article (to a worker) never renders them, and nothing keeps them but the one-slot
 * `recent`: a page reads them once. `seeds` holds bodies already rendered (while summarising).
 */
export function defineLazyBody(article: Article, root: string, seeds?: BodySeeds): void {
  const load = (): void => {
    recent.article = article;
    const seeded = seeds?.once.get(article.file);
    if (seeded) {
      seeds?.once.delete(article.file);
      recent.html = seeded.html;
      recent.text = seeded.text;
      return;
    }
    const body = renderMarkdown(articleMarkdown(readFileSync(path.join(root, article.file), "utf8")));
    recent.html = body.html;
    recent.text = body.text;
  };
  Object.defineProperty(article, "html", {
    enumerable: false,
    configurable: true,
    get: () => {
      if (recent.article === article && recent.html !== undefined) return recent.html;
      const kept = seeds?.kept.get(article.file);
      if (kept !== undefined) return kept;
      load();
      return recent.html as string;
    },
  });
  Object.defineProperty(article, "text", {
    enumerable: false,
    configurable: true,
    get: () => {
      if (recent.article !== article || recent.text === undefined) load();
      return recent.text as string;
    },
  });
}

function revive(stored: Record<string, unknown>): Article {
  const article = { ...stored } as unknown as Article;
  article.date = new Date(stored.date as string);
  article.updated = stored.updated === null ? null : new Date(stored.updated as string);
  return article;
}

/** The article's own data, without the body fields that are rendered on demand. */
function plainFields(parsed: Article): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(parsed))) {
    if (BODY_KEYS.includes(key) && key !== "summary") continue;
    if (key === "summary" && descriptor.get) continue;
    if ("value" in descriptor) out[key] = descriptor.value;
  }
  return out;
}

/** An article file to parse: its path for messages, its name (the slug comes from it) and its bytes. */
export interface ArticleFile {
  file: string;
  name: string;
  bytes: Uint8Array;
}

/** What parsing one article file gives the store: the cache entry's article and messages, and its body. */
export interface ParsedFile {
  /** The article's own data (no body fields), or null when the file has an error. */
  article: Record<string, unknown> | null;
  diagnostics: Diagnostic[];
  /** The Markdown body (cleaned), for the pending body; "" without an article. */
  markdown: string;
  /** The summary given in front matter, else null (made from the body). */
  givenSummary: string | null;
}

/**
 * Parses one article file for the store: decodes it, parses it and keeps the plain data. Pure and
 * structured-cloneable in and out, so a worker thread can do it (see `ArticleParser`).
 */
export function parseArticleFile(input: ArticleFile, timeZone: string): ParsedFile {
  const decoded = decodeText(input.bytes);
  if (!decoded.ok)
    return {
      article: null,
      diagnostics: [error(decoded.code, input.file, decoded.line, decoded.message)],
      markdown: "",
      givenSummary: null,
    };
  const parsed = parseArticle({ file: input.file, name: input.name, text: decoded.text }, { timeZone });
  if (!parsed.article)
    return { article: null, diagnostics: parsed.diagnostics, markdown: "", givenSummary: null };
  const given = Object.getOwnPropertyDescriptor(parsed.article, "summary")?.get
    ? null
    : (parsed.article.summary ?? null);
  return {
    article: plainFields(parsed.article),
    diagnostics: parsed.diagnostics,
    markdown: parsed.markdown ?? articleMarkdown(decoded.text),
    givenSummary: given,
  };
}

/**
 * Parses article files, in order: `parseArticleFile` on each, here or shared out to worker threads (the
 * build's render pool, idle while the articles load). The results must be what `parseArticleFile` gives.
 * The store calls it with a few files at a time (`PARSE_BATCH`) as it reads them, and lets other work in
 * between (a macrotask), so a parser can answer from other threads while the rest are read.
 */
export type ArticleParser = (files: ArticleFile[], timeZone: string) => Promise<ParsedFile[]>;

/** Parses in this thread. */
export const parseHere: ArticleParser = async (files, timeZone) =>
  files.map((file) => parseArticleFile(file, timeZone));

/**
 * Loads every article through the parsed-article cache in `cacheDir`: a file whose bytes hash the same as
 * when it was cached (same configuration, same code: `key`) is not parsed again, and its summary and word
 * count come from the cache. Other files are parsed (by `parse`, default in this thread) and returned in
 * `pending` for their bodies.
 */
export async function loadArticleStore(
  config: SiteConfig,
  options: { root: string; cacheDir: string; key: string; useCache: boolean; parse?: ArticleParser },
): Promise<StoreLoad> {
  const { root } = options;
  const dir = path.join(root, "articles");
  const storePath = path.join(options.cacheDir, "articles.json");
  let previous: StoreFile | null = null;
  if (options.useCache) {
    try {
      const parsed = JSON.parse(await readFile(storePath, "utf8")) as StoreFile;
      if (parsed.version === VERSION && parsed.key === options.key) previous = parsed;
    } catch {
      previous = null; // no cache, or an unreadable one: parse everything
    }
  }
  const entries: Record<string, StoredArticle> = {};
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const pending: PendingBody[] = [];
  let reused = 0;
  const folderProblem = articlesFolderProblem(dir, root);
  if (folderProblem) diagnostics.push(folderProblem);
  // Read and hash every file first, in order; those the cache does not have are parsed together after.
  type Slot =
    | { file: string; hash: string; cached: StoredArticle | null }
    | { file: string; problem: Diagnostic };
  const slots: Slot[] = [];
  const parse = options.parse ?? parseHere;
  const parsing: Promise<ParsedFile[]>[] = [];
  let batch: ArticleFile[] = [];
  for (const relative of folderProblem ? [] : await listArticleFiles(dir)) {
    const file = path.relative(root, path.join(dir, relative)) || relative;
    let bytes: Buffer;
    try {
      const size = statSync(path.join(dir, relative)).size;
      if (size > config.maxArticleBytes) {
        slots.push({
          file,
          problem: error(
            "file/too-large",
            file,
            0,
            `the file is ${size.toLocaleString("en")} bytes (expected at most ${config.maxArticleBytes.toLocaleString("en")}: max_article_bytes in gazette.config.yaml)`,
          ),
        });
        continue;
      }
      bytes = readFileSync(path.join(dir, relative));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      slots.push({ file, problem: error("file/unreadable", file, 0, `the file cannot be read (${code})`) });
      continue;
    }
    const hash = hashText(bytes);
    const cached = previous?.entries[file];
    if (cached && cached.hash === hash) slots.push({ file, hash, cached });
    else {
      slots.push({ file, hash, cached: null });
      batch.push({ file, name: path.basename(relative), bytes });
      if (batch.length === PARSE_BATCH) {
        parsing.push(parse(batch, config.timeZone));
        batch = [];
        // Replies from a parser's other threads come in here, so it can hand them the next batch.
        if (options.parse) await setImmediate();
      }
    }
  }
  if (batch.length > 0) parsing.push(parse(batch, config.timeZone));
  const parsedFiles = (await Promise.all(parsing)).flat();
  let next = 0;
  for (const slot of slots) {
    if ("problem" in slot) {
      diagnostics.push(slot.problem);
      continue;
    }
    const { file, hash } = slot;
    let stored: StoredArticle;
    let article: Article | null;
    if (slot.cached) {
      stored = slot.cached;
      article = stored.article ? revive(stored.article) : null;
      if (article) defineLazyBody(article, root);
      reused++;
    } else {
      const parsed = parsedFiles[next++];
      if (!parsed) throw new Error(`Gazette: no parse result for ${file}`);
      article = parsed.article as unknown as Article | null;
      stored = { hash, article: parsed.article, diagnostics: parsed.diagnostics };
      if (article) {
        pending.push({ article, file, markdown: parsed.markdown, givenSummary: parsed.givenSummary });
        defineLazyBody(article, root);
      }
    }
    entries[file] = stored;
    diagnostics.push(...stored.diagnostics);
    if (article) {
      fingerprints.set(article, `${file}\0${hash}`);
      articles.push(article);
    }
  }
  const save = async (): Promise<void> => {
    // Pending articles are stored by reference; where the build worked on a copy (`adoptViews`), the
    // summaries it filled in are copied back.
    for (const body of pending) {
      const entry = entries[body.file]?.article;
      if (entry && entry !== (body.article as unknown)) {
        entry.summary = body.article.summary;
        entry.wordCount = body.article.wordCount;
        entry.readingMinutes = body.article.readingMinutes;
      }
    }
    const store: StoreFile = { version: VERSION, key: options.key, entries };
    await mkdir(options.cacheDir, { recursive: true });
    const temporary = `${storePath}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(store));
    await rename(temporary, storePath);
  };
  return { articles, diagnostics, pending, reused, save };
}

/**
 * Replaces the live views that give articles their collection-wide tag and source spellings (Proxies,
 * see canonicalSpellings) with plain copies: a copy can go to a worker (a Proxy cannot be copied), and it
 * gets a fingerprint of its own (the file's, plus the spellings shown). Pending bodies move to the copies.
 */
export function adoptViews(published: readonly Article[], store: StoreLoad, root: string): Article[] {
  const originals = new Map(store.articles.map((a) => [a.file, a]));
  const pendingByFile = new Map(store.pending.map((p) => [p.file, p]));
  return published.map((view) => {
    const original = originals.get(view.file);
    if (!original || original === view) return view;
    const copy = { ...view } as Article;
    defineLazyBody(copy, root);
    const print = fingerprints.get(original);
    if (print !== undefined) fingerprints.set(copy, `${print}\0${JSON.stringify([copy.tags, copy.source])}`);
    const body = pendingByFile.get(view.file);
    if (body) body.article = copy;
    return copy;
  });
}

/**
 * Fills in the summary, word count and reading time of pending articles, keeping their HTML in `seeds`
 * (in `kept` for the files in `keep`).
 */
export function summarizeBodies(
  pending: readonly PendingBody[],
  root: string,
  seeds: BodySeeds,
  keep: ReadonlySet<string> = new Set(),
): void {
  for (const body of pending) {
    const rendered = renderBody(body.markdown, body.givenSummary);
    applySummary(body.article, rendered);
    seeds.once.set(body.file, { html: rendered.html, text: rendered.text });
    if (keep.has(body.file)) seeds.kept.set(body.file, rendered.html);
    defineLazyBody(body.article, root, seeds);
  }
}

/** Sets an article's listing fields from a rendered body. */
export function applySummary(article: Article, summary: BodySummary): void {
  article.summary = summary.summary;
  article.wordCount = summary.wordCount;
  article.readingMinutes = summary.readingMinutes;
}
