import { readFileSync, type Stats, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { SiteConfig } from "../config/site-config.ts";
import { type Diagnostic, error } from "../shared/diagnostic.ts";
import type { Article } from "./article.ts";
import type { SpellingUse } from "./canonical-spellings.ts";
import { type Collection, checkCollection } from "./check-collection.ts";
import { glanceDate } from "./glance-date.ts";
import { glanceSpellings } from "./glance-spellings.ts";
import { type ParsedArticle, parseArticle, slugFromFileName } from "./parse-article.ts";
import { decodeText } from "./read-text.ts";

/** Parsed files by absolute path, with the size and modification time they had when parsed. */
export type ArticleCache = Map<string, { mtimeMs: number; size: number; parsed: ParsedArticle }>;

export interface LoadOptions {
  /** The project root: file names in messages are relative to it. */
  root: string;
  /** The articles folder. Default `<root>/articles`. */
  dir?: string;
  /** The clock, for scheduled articles. */
  now: Date;
  /**
   * Parsed files kept between loads (the dev server): a file whose size and modification time are unchanged
   * is not read or parsed again. Must be dropped when the configuration changes.
   */
  cache?: ArticleCache;
  /**
   * Leave out, unparsed and unchecked, the files whose `date` line shows at a glance that they are older
   * than this (the newsletter, which only looks at recent articles). Their tags and source, read at a
   * glance too, still count in the canonical spellings, so the names are the site's. Files in any doubt
   * (about the date, the tags or the source) are parsed.
   */
  skipBefore?: Date;
}

/**
 * Every `*.md` file below a folder, sorted, as paths relative to it; a symbolic link counts as the file it
 * points to (one that points nowhere is listed, so that reading it reports it). Missing folder: none (see
 * `articlesFolderProblem`).
 */
export async function listArticleFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith(".md"))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

/** Why the articles folder cannot be read (missing, a file, unreadable), as an error, or null. */
export function articlesFolderProblem(dir: string, root: string): Diagnostic | null {
  const shown = path.relative(root, dir) || dir;
  try {
    if (statSync(dir).isDirectory()) return null;
    return error(
      "articles/not-a-folder",
      shown,
      0,
      `${shown} is a file (expected a folder of *.md articles)`,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? error(
          "articles/missing",
          shown,
          0,
          `there is no ${shown}/ folder (expected the articles as *.md files in ${shown}/; is --root the project folder?)`,
        )
      : error("articles/unreadable", shown, 0, `${shown} cannot be read (${code ?? "error"})`);
  }
}

/**
 * Reads and parses every article once (the edge: file system), then checks them as a set. Files that fail
 * to parse are left out and reported; callers fail the build on any error.
 */
export async function loadArticles(config: SiteConfig, options: LoadOptions): Promise<Collection> {
  const dir = options.dir ?? path.join(options.root, "articles");
  const folderProblem = articlesFolderProblem(dir, options.root);
  if (folderProblem) return { published: [], scheduled: [], diagnostics: [folderProblem] };
  const files = await listArticleFiles(dir);
  const maxBytes = config.maxArticleBytes;
  const diagnostics: Diagnostic[] = [];
  const articles: Article[] = [];
  const skipped: SpellingUse[] = [];
  const results = files.map((relative): ParsedArticle => {
    const absolute = path.join(dir, relative);
    const file = path.relative(options.root, absolute) || relative;
    const cache = options.cache;
    let stats: Stats;
    let bytes: Buffer;
    try {
      stats = statSync(absolute);
      const cached = cache?.get(absolute);
      if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.parsed;
      if (stats.size > maxBytes) {
        return {
          article: null,
          diagnostics: [
            error(
              "file/too-large",
              file,
              0,
              `the file is ${stats.size.toLocaleString("en")} bytes (expected at most ${maxBytes.toLocaleString("en")}: max_article_bytes in gazette.config.yaml)`,
            ),
          ],
        };
      }
      // Synchronous reads: 10,000 small files read one by one beat 10,000 promises on the thread pool.
      bytes = readFileSync(absolute);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      return {
        article: null,
        diagnostics: [error("file/unreadable", file, 0, `the file cannot be read (${code})`)],
      };
    }
    const decoded = decodeText(bytes);
    if (decoded.ok && options.skipBefore) {
      const glanced = glanceDate(decoded.text, config.timeZone);
      const spellings =
        glanced && glanced.getTime() < options.skipBefore.getTime() ? glanceSpellings(decoded.text) : null;
      const slug = slugFromFileName(path.basename(relative));
      if (glanced && spellings && slug !== "") {
        skipped.push({ slug, date: glanced, ...spellings });
        return { article: null, diagnostics: [] };
      }
    }
    const parsed: ParsedArticle = decoded.ok
      ? parseArticle({ file, name: path.basename(relative), text: decoded.text }, config)
      : { article: null, diagnostics: [error(decoded.code, file, decoded.line, decoded.message)] };
    cache?.set(absolute, { mtimeMs: stats.mtimeMs, size: stats.size, parsed });
    return parsed;
  });
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (result.article) articles.push(result.article);
  }
  const collection = checkCollection(articles, options.now, config.timeZone, skipped);
  return { ...collection, diagnostics: [...diagnostics, ...collection.diagnostics] };
}
