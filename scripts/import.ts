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
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine, usageError } from "../src/cli/run-command-line.ts";
import { importArticle } from "../src/import/import-article.ts";
import type { ImportedArticle, ImportOptions } from "../src/import/imported-article.ts";
import { isoDate } from "../src/import/parse-date.ts";
import { articleFileName, toMarkdownFile } from "../src/import/to-markdown-file.ts";

const command = defineCommand({
  command: "npm run import",
  summary:
    "turns text copied from news pages (or saved .html pages) into article files for review, printing every guess",
  arguments: "<file or folder>...",
  options: {
    out: { type: "string", value: "DIR", description: "where the article files go", default: "articles" },
    source: {
      type: "string",
      value: "NAME",
      description: "the publication, when the text does not name it",
      defaultText: "guessed from the text",
    },
    url: {
      type: "string",
      value: "URL",
      description: "the original page's address (source_url); the page is read as HTML",
      defaultText: "none",
    },
    date: {
      type: "string",
      value: "YYYY-MM-DD",
      description: "the article's date, when the text has none",
      defaultText: "found in the text",
    },
    year: {
      type: "string",
      value: "YYYY",
      description: "the year for a date written without one ('20 Oct')",
      defaultText: "none",
    },
    tags: {
      type: "string",
      value: "a,b",
      description: "tags for every imported article",
      defaultText: "none",
    },
    "dry-run": { type: "boolean", description: "print each article file instead of writing it" },
    force: { type: "boolean", description: "overwrite an article file that exists" },
    json: {
      type: "boolean",
      description: "print one JSON object per input (JSON Lines) and write nothing",
    },
  },
  examples: [
    "npm run import -- page.txt --year 2018",
    "npm run import -- copied/ --source 'Iran Focus' --dry-run",
    "npm run import -- page.txt --json",
  ],
  notes: ["A folder means every *.txt in it. See docs/importer.md."],
});

/** Every `*.txt` in a folder (sorted), or the file itself. */
function expand(input: string): string[] {
  if (existsSync(input) && statSync(input).isDirectory()) {
    return readdirSync(input)
      .filter((name) => name.endsWith(".txt"))
      .sort()
      .map((name) => path.join(input, name));
  }
  return [input];
}

/** The file's text, or what is wrong with it. */
function readText(file: string): { text: string } | { error: string } {
  if (!existsSync(file)) return { error: "no such file" };
  if (!statSync(file).isFile()) return { error: "not a file" };
  const bytes = readFileSync(file);
  if (bytes.length === 0) return { error: "the file is empty" };
  if (bytes.includes(0)) return { error: "the file is binary (it has NUL bytes), expected UTF-8 text" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.trim() === "") return { error: "the file has only white space" };
    return { text };
  } catch {
    return { error: "the file is not UTF-8 text" };
  }
}

/** The stable `--json` shape: these keys, in this order. */
function toJson(a: ImportedArticle): string {
  const { title, date, source, byline, dateline, caption, body, tags, warnings, attribution } = a;
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
  });
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

function main(argv: string[]): void {
  const { values, positionals } = parseCommandLine(command, argv);
  if (positionals.length === 0) usageError(command, "no input given");
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
  if (values.source !== undefined) options.source = values.source;
  if (values.url !== undefined) options.url = values.url;
  if (values.tags !== undefined)
    options.tags = values.tags
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "");

  const files = positionals.flatMap(expand);
  if (values.json) {
    for (const file of files) {
      const read = readText(file);
      if ("error" in read) fail(`${file}: ${read.error}`);
      else console.log(toJson(importArticle(read.text, options)));
    }
    return;
  }

  // Check everything first: nothing is written unless every input can be.
  const planned: Array<{ file: string; target: string; article: ImportedArticle }> = [];
  const problems: string[] = [];
  for (const file of files) {
    const read = readText(file);
    if ("error" in read) {
      problems.push(`${file}: ${read.error}`);
      continue;
    }
    const article = importArticle(read.text, options);
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
    const name = articleFileName(article);
    if (!name) {
      problems.push(
        `${file}: the headline "${article.title}" makes no file name (pass a title with letters)`,
      );
      continue;
    }
    const target = path.join(values.out, name);
    if (planned.some((p) => p.target === target))
      problems.push(`${file}: ${target} is also the target of another input`);
    else if (existsSync(target) && !values.force && !values["dry-run"])
      problems.push(`${file}: ${target} exists (pass --force to overwrite it)`);
    else planned.push({ file, target, article });
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error("nothing written");
    process.exitCode = 1;
    return;
  }
  for (const { file, target, article } of planned) {
    const content = toMarkdownFile(article);
    if (values["dry-run"]) {
      console.log(`would write ${target} (from ${file}):\n${content}`);
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      writeFileSync(temp, content);
      renameSync(temp, target);
      console.log(`wrote ${target} (from ${file})`);
    }
    for (const guess of article.guesses) console.log(`  guessed: ${guess}`);
    for (const warning of article.warnings) console.log(`  warning: ${warning}`);
  }
}

main(process.argv.slice(2));
