/**
 * `npm run import -- <file or folder>... [--out articles] [--source NAME] [--url URL] [--date YYYY-MM-DD]
 * [--year YYYY] [--tags a,b] [--dry-run] [--force] [--json]`
 *
 * Reads raw copied page text and writes `<out>/<date>-<slug>.md` for each input, printing every guess.
 * Nothing is written unless every input reads, has a headline and a date, and no file would be overwritten
 * (without --force). `--json` is a dry run that prints one JSON object per input (JSON Lines).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { isWebAddress } from "../src/articles/parse-article.ts";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine, usageError } from "../src/cli/run-command-line.ts";
import { checkArticleFile } from "../src/import/check-article-file.ts";
import { decodeCopiedText, decodeSavedPage } from "../src/import/decode-page.ts";
import { addKnown, findDuplicate, indexKnown, shingleSet } from "../src/import/find-duplicate.ts";
import { importArticle } from "../src/import/import-article.ts";
import { importHtml } from "../src/import/import-html.ts";
import type { ImportedArticle, ImportOptions } from "../src/import/imported-article.ts";
import { isoDate } from "../src/import/parse-date.ts";
import { suggestTags } from "../src/import/suggest-tags.ts";
import { articleFileName, toMarkdownFile } from "../src/import/to-markdown-file.ts";
import { printable } from "../src/shared/diagnostic.ts";
import { fetchPage } from "./import/fetch-page.ts";
import { readKnownArticles } from "./import/read-known-articles.ts";

const command = defineCommand({
  command: "npm run import",
  summary:
    "turns text copied from news pages, saved .html pages or fetched addresses into article files for review, printing every guess",
  arguments: "<file, folder or https:// address>...",
  options: {
    url: {
      type: "string",
      value: "URL",
      multiple: true,
      description: "fetch this page (http or https) and read it as HTML; may be repeated",
      defaultText: "none",
    },
    out: {
      type: "string",
      value: "DIR",
      description: "where the article files go; its articles are checked for duplicates and tags",
      default: "articles",
    },
    source: {
      type: "string",
      value: "NAME",
      description: "the publication (source), instead of the one the page names",
      defaultText: "guessed from the page",
    },
    "source-url": {
      type: "string",
      value: "URL",
      description:
        "the original page's address (source_url, http or https), instead of the one the page declares",
      defaultText: "the page's canonical address, else the address fetched, else none",
    },
    date: {
      type: "string",
      value: "YYYY-MM-DD",
      description: "the article's date, instead of any date found in the page",
      defaultText: "found in the page",
    },
    year: {
      type: "string",
      value: "YYYY",
      description: "the year for a date written without one ('20 Oct')",
      defaultText: "none",
    },
    tags: {
      type: "string",
      value: "a,b|auto",
      description: "tags for every imported article; auto: the site's own tags that the text is about",
      defaultText: "none; suggestions as a comment",
    },
    "dry-run": { type: "boolean", description: "print each article file instead of writing it" },
    force: {
      type: "boolean",
      description: "overwrite an article file that exists, and import a duplicate of an existing article",
    },
    json: {
      type: "boolean",
      description: "print one JSON object per input (JSON Lines) and write nothing",
    },
  },
  examples: [
    "npm run import -- page.txt --year 2018",
    "npm run import -- saved-page.html",
    "npm run import -- --url https://example.com/news/story --tags auto",
    "npm run import -- copied/ --source 'Iran Focus' --dry-run",
    "npm run import -- page.txt --json",
  ],
  notes: [
    "A folder means every *.txt, *.html and *.htm in it; .html/.htm files and addresses are read as HTML.",
    "See docs/importer.md.",
  ],
});

/** C0 and C1 controls, DEL and bidirectional controls: never part of a name or an address. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Saved pages go through the HTML path; every other file is copied text (CONTRACTS "Importer"). */
const isHtmlFile = (file: string): boolean => /\.html?$/i.test(file);

/** Every `*.txt`, `*.html` and `*.htm` in a folder (sorted), the file itself, or what is wrong with the folder. */
function expand(input: string): string[] | { error: string } {
  if (existsSync(input) && statSync(input).isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(input);
    } catch (error) {
      return { error: `${input}: the folder cannot be read (${readProblem(error)})` };
    }
    const files = names.filter((name) => /\.(?:txt|html?)$/i.test(name)).sort();
    if (files.length === 0)
      return {
        error: `${input}: no .txt, .html or .htm files in this folder (expected copied text or saved pages)`,
      };
    return files.map((name) => path.join(input, name));
  }
  return [input];
}

/** A file system error as the editor should read it: permission denied, not a stack trace. */
function readProblem(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOSPC") return "the disk is full";
  return code ?? (error as Error)?.message ?? String(error);
}

/**
 * The largest file read, in bytes: a copied article is a few tens of kilobytes and a saved page a few
 * megabytes; a file many times that is some other file, and reading it would take minutes and gigabytes.
 */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The file's text (a saved page's decoded as a browser would), or what is wrong with it. */
function readText(file: string): { text: string } | { error: string } {
  if (!existsSync(file)) return { error: "no such file" };
  const stat = statSync(file);
  if (!stat.isFile()) return { error: "not a file" };
  if (stat.size > MAX_FILE_BYTES)
    return {
      error: `the file is ${Math.round(stat.size / 1024 / 1024)} MB, larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB an article or a saved page could be (expected copied text or a saved page)`,
    };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { error: `the file cannot be read (${readProblem(error)})` };
  }
  return isHtmlFile(file) ? decodeSavedPage(bytes) : decodeCopiedText(bytes);
}

/** The stable `--json` shape: these keys, in this order. */
function toJson(a: ImportedArticle): string {
  const { title, date, source, byline, dateline, caption, body, tags, warnings, attribution, url } = a;
  return JSON.stringify({
    title,
    date,
    source,
    byline,
    dateline,
    caption,
    body,
    tags,
    warnings,
    attribution,
    source_url: url,
    suggested_tags: a.suggestedTags,
  });
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

/** One input in argument order: a file or an address. */
type Input =
  | { kind: "file"; path: string }
  | { kind: "url"; url: string }
  /** A folder that gives no files: reported in its place, like a file that cannot be read. */
  | { kind: "unreadable"; label: string; error: string };

/** How messages name an input. */
const labelOf = (input: Input): string =>
  printable(input.kind === "file" ? input.path : input.kind === "url" ? input.url : input.label);

/** Reads one input and imports it, or says why it cannot be read. */
async function load(
  input: Input,
  options: ImportOptions,
): Promise<{ article: ImportedArticle } | { error: string }> {
  if (input.kind === "unreadable") return { error: input.error };
  if (input.kind === "url") {
    const page = await fetchPage(input.url);
    if ("error" in page) return { error: page.error };
    const article = importHtml(page.html, options);
    return { article: { ...article, url: options.url ?? article.url ?? page.url } };
  }
  const read = readText(input.path);
  if ("error" in read) return { error: `${printable(input.path)}: ${read.error}` };
  return {
    article: isHtmlFile(input.path) ? importHtml(read.text, options) : importArticle(read.text, options),
  };
}

/**
 * Files (folders expanded) and addresses in the order given on the command line, as `--json` prints them.
 * A positional argument that is an http(s) address is fetched like `--url`. The order comes from
 * node:util's own tokens, so a file named like a flag's value (`--source a.txt a.txt`) or given after
 * `--` keeps its place.
 */
function orderInputs(argv: readonly string[]): Input[] {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, option] of Object.entries(command.options))
    options[name] = {
      type: option.type,
      ...("multiple" in option && option.multiple ? { multiple: true } : {}),
    };
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const inputs: Input[] = [];
  for (const token of tokens) {
    if (token.kind === "option" && token.name === "url" && token.value !== undefined)
      inputs.push({ kind: "url", url: token.value });
    if (token.kind !== "positional") continue;
    const value = token.value;
    const files = /^https?:\/\//i.test(value) ? null : expand(value);
    if (files === null) inputs.push({ kind: "url", url: value });
    else if ("error" in files) inputs.push({ kind: "unreadable", label: value, error: files.error });
    else for (const file of files) inputs.push({ kind: "file", path: file });
  }
  return inputs;
}

async function main(argv: string[]): Promise<void> {
  // `npm run import -- … --json | head -1`: a reader that stops early is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  const { values } = parseCommandLine(command, argv);
  const inputs = orderInputs(argv);
  if (inputs.length === 0) usageError(command, "no input given");
  const options: ImportOptions = {};
  if (values.date !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
    if (!m || !isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      fail(`--date "${values.date}" is not a date (expected YYYY-MM-DD)`);
      return;
    }
    options.date = values.date;
  }
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) {
      fail(`--year "${values.year}" is not a year (expected YYYY)`);
      return;
    }
    options.year = Number(values.year);
  }
  // A value typed on the command line goes into every file's front matter: a line break or an escape
  // sequence there is a mistake (a paste gone wrong), never meant, so it is refused, not cleaned.
  for (const flag of ["source", "source-url", "tags"] as const) {
    const value = values[flag];
    if (value !== undefined && CONTROL.test(value)) {
      fail(
        `--${flag} "${printable(value)}" contains a line break or control character (expected one line of text)`,
      );
      return;
    }
  }
  if (values.source !== undefined) options.source = values.source;
  if (values["source-url"] !== undefined) {
    const url = values["source-url"].trim();
    if (!isWebAddress(url)) {
      fail(`--source-url "${printable(url)}" is not a web address (expected https://…)`);
      return;
    }
    options.url = url;
  }
  const autoTags = values.tags?.trim() === "auto";
  if (values.tags !== undefined && !autoTags)
    options.tags = values.tags
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "");

  if (existsSync(values.out) && !statSync(values.out).isDirectory()) {
    fail(`--out "${printable(values.out)}" is not a folder (expected the articles folder, default articles)`);
    return;
  }
  // The site as it is: duplicates are refused against it, tags are suggested only from its own.
  let site: Awaited<ReturnType<typeof readKnownArticles>>;
  try {
    site = await readKnownArticles(values.out);
  } catch (error) {
    fail(`--out "${printable(values.out)}": its articles cannot be read (${readProblem(error)})`);
    return;
  }
  const index = indexKnown(site.articles);
  const results: Array<{ input: Input; article?: ImportedArticle; error?: string; duplicate?: string }> = [];
  for (const input of inputs) {
    const loaded = await load(input, options).catch((error: unknown) => ({
      // A page no rule foresaw must not end the batch in a stack trace: it is named, the rest go on.
      error: `${labelOf(input)}: could not be imported (${(error as Error)?.message ?? String(error)}); please report this page`,
    }));
    if ("error" in loaded) {
      results.push({ input, error: loaded.error });
      continue;
    }
    const article = loaded.article;
    article.suggestedTags = suggestTags(article, site.tags).filter((t) => !article.tags.includes(t));
    if (autoTags) article.tags = [...article.tags, ...article.suggestedTags];
    const label = labelOf(input);
    const dup = findDuplicate({ url: article.url, text: article.body }, index);
    const duplicate = dup
      ? `duplicates ${dup.file} (${dup.reason === "source_url" ? "the same source_url" : `${Math.round((dup.overlap ?? 0) * 100)}% of the same text`})`
      : undefined;
    if (duplicate) article.warnings.push(`duplicate: ${duplicate}`);
    addKnown(index, { file: label, sourceUrl: article.url, shingles: shingleSet(article.body) });
    results.push({ input, article, ...(duplicate ? { duplicate } : {}) });
  }

  if (values.json) {
    for (const r of results) {
      if (r.article) console.log(toJson(r.article));
      else fail(r.error ?? "unreadable input");
    }
    return;
  }

  // Check everything first: nothing is written unless every input can be.
  const planned: Array<{ file: string; target: string; article: ImportedArticle; content: string }> = [];
  const problems: string[] = [];
  for (const { input, article, error, duplicate } of results) {
    const file = labelOf(input);
    if (!article) {
      problems.push(error ?? `${file}: unreadable input`);
      continue;
    }
    if (!article.title) {
      problems.push(`${file}: no recognisable headline (expected a short line above the article text)`);
      continue;
    }
    if (!article.date) {
      const why =
        article.warnings.find((w) => w.startsWith("date:"))?.replace(/^date: /, "") ?? "no date found";
      problems.push(`${file}: ${why.includes("--") ? why : `${why}; pass --year YYYY or --date YYYY-MM-DD`}`);
      continue;
    }
    if (duplicate && !values.force) {
      problems.push(`${file}: ${duplicate}; not imported (pass --force to import it anyway)`);
      continue;
    }
    const name = articleFileName(article);
    if (!name) {
      problems.push(
        `${file}: the headline "${article.title}" makes no file name (pass a title with letters)`,
      );
      continue;
    }
    const target = path.join(values.out, name);
    const content = toMarkdownFile(article);
    // The build's own check: nothing is written that `npm run build` would then refuse.
    const refused = checkArticleFile(name, content);
    if (refused.length > 0)
      problems.push(...refused.map((why) => `${file}: the article file would not build (${target} ${why})`));
    else if (planned.some((p) => p.target === target))
      problems.push(`${file}: ${target} is also the target of another input`);
    else if (existsSync(target) && statSync(target).isDirectory())
      problems.push(`${file}: ${target} is a folder (move it away, or pass --date or another --out)`);
    else if (existsSync(target) && !values.force && !values["dry-run"])
      problems.push(`${file}: ${target} exists (pass --force to overwrite it)`);
    else planned.push({ file, target, article, content });
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error("nothing written");
    process.exitCode = 1;
    return;
  }
  if (!values["dry-run"]) {
    const unwritable = writeAll(planned);
    if (unwritable) {
      fail(`${unwritable}\nnothing written`);
      return;
    }
  }
  for (const { file, target, article, content } of planned) {
    if (values["dry-run"]) console.log(`would write ${target} (from ${file}):\n${content}`);
    else console.log(`wrote ${target} (from ${file})`);
    for (const guess of article.guesses) console.log(`  guessed: ${guess}`);
    for (const warning of article.warnings) console.log(`  warning: ${warning}`);
  }
}

/**
 * Writes every planned file, or none: each goes to a temporary file beside its target first, and only
 * when all of them are on disk are they renamed into place. A folder that cannot be written (permission,
 * a full disk) is the message returned, with the temporary files removed.
 */
function writeAll(planned: ReadonlyArray<{ target: string; content: string }>): string | null {
  const temps: string[] = [];
  const removeTemps = (): void => {
    for (const temp of temps) rmSync(temp, { force: true });
  };
  for (const { target, content } of planned) {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      temps.push(temp);
      writeFileSync(temp, content);
    } catch (error) {
      removeTemps();
      return `${target}: cannot be written (${readProblem(error)})`;
    }
  }
  for (const [i, { target }] of planned.entries()) {
    try {
      renameSync(temps[i] as string, target);
    } catch (error) {
      removeTemps();
      return `${target}: cannot be written (${readProblem(error)})`;
    }
  }
  return null;
}

await main(process.argv.slice(2));
