// `npm run bench -- --articles 1000,10000 [--runs 3] [--no-hugo]`: generates N articles into a temporary
// project, times the full build (site and feeds) and `npm run newsletter` on them, checks the output is
// complete, and, where `hugo` is installed, builds the same articles with the comparison's Hugo site.
// Figures: median of --runs runs after one warm-up; CPU is user + system as GNU time reports it.
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { generateArticles } from "./bench/generate-articles.ts";
import { writeImportBatch } from "./bench/import-batch.ts";
import { type Measurement, measure, median } from "./bench/measure.ts";

const command = defineCommand({
  command: "npm run bench",
  summary:
    "times full builds and the newsletter on generated articles (CPU = user + system, median after a warm-up), beside Hugo where installed",
  options: {
    articles: {
      type: "string",
      value: "N,N",
      description: "the article counts to measure, comma-separated",
      default: "1000,10000",
    },
    runs: {
      type: "string",
      value: "N",
      description: "measured runs per figure (after one warm-up)",
      default: "3",
    },
    "no-hugo": { type: "boolean", description: "skip the Hugo comparison" },
    subscriptions: {
      type: "boolean",
      description:
        "instead: the subscriptions figures (import 100k, plan a send to 100k, POST /subscribe p99 at 200/s) on SQLite, and PostgreSQL with DATABASE_URL",
    },
    "hugo-site": {
      type: "string",
      value: "DIR",
      description: "the Hugo site used for the comparison",
      default: path.join(process.cwd(), "..", "shared", "bench", "hugo-site"),
      defaultText: "../shared/bench/hugo-site",
    },
  },
  examples: [
    "npm run bench",
    "npm run bench -- --articles 1000 --runs 1 --no-hugo",
    "npm run bench -- --subscriptions",
  ],
  notes: ["See docs/performance.md."],
});
const { values } = parseCommandLine(command);
if (!/^[1-9]\d*(,[1-9]\d*)*$/.test(values.articles) || !/^[1-9]\d*$/.test(values.runs)) {
  console.error(
    `--articles "${values.articles}" and --runs "${values.runs}" must be whole numbers of at least 1 (e.g. --articles 1000,10000 --runs 3)`,
  );
  process.exit(1);
}
const counts = values.articles.split(",").map(Number);
const runs = Number(values.runs);
const repo = process.cwd();
const node = process.execPath;
if (values.subscriptions) {
  const { benchSubscriptions } = await import("./bench/subscriptions.ts");
  process.exit(await benchSubscriptions(repo, runs));
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

async function timed(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  before?: () => Promise<void>,
) {
  const results: Measurement[] = [];
  for (let i = 0; i <= runs; i++) {
    await before?.();
    const result = await measure(command, args, cwd);
    if (i > 0) results.push(result); // the first run warms caches and is not counted
    process.stderr.write(
      `  ${label} run ${i === 0 ? "warm-up" : i}: ${result.cpuSeconds.toFixed(2)} s CPU\n`,
    );
  }
  return median(results);
}

/** Checks that a build of `count` articles wrote every article page, tag page, month page and feed. */
async function checkComplete(site: string, count: number, tagCount: number): Promise<string[]> {
  const files = new Set(
    (await readdir(site, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(site, path.join(e.parentPath, e.name))),
  );
  const problems: string[] = [];
  const articlePages = [...files].filter((f) =>
    /^\d{4}\/\d{2}\/bench-article-\d+\/index\.html$/.test(f),
  ).length;
  if (articlePages !== count) problems.push(`${articlePages} article pages for ${count} articles`);
  const tagPages = [...files].filter((f) => /^tags\/[^/]+\/index\.html$/.test(f));
  for (const page of tagPages) {
    const dir = path.dirname(page);
    for (const feed of ["feed.xml", "atom.xml"])
      if (!files.has(`${dir}/${feed}`)) problems.push(`no ${dir}/${feed}`);
  }
  if (tagPages.length !== tagCount) problems.push(`${tagPages.length} tag pages for ${tagCount} tags`);
  for (const file of [
    "index.html",
    "feed.xml",
    "atom.xml",
    "feed.json",
    "sitemap.xml",
    "archive/index.html",
  ]) {
    if (!files.has(file)) problems.push(`no ${file}`);
  }
  const months = [...files].filter((f) => /^archive\/\d{4}\/\d{2}\/index\.html$/.test(f)).length;
  if (months < 120) problems.push(`only ${months} archive month pages for ten years`);
  return problems;
}

interface Row {
  articles: number;
  gazette: Measurement;
  files: number;
  newsletter: Measurement;
  hugo: Measurement | null;
  problems: string[];
}

const rows: Row[] = [];
let importBatch: Measurement | null = null;
const work = await mkdtemp(path.join(os.tmpdir(), "gazette-bench-"));
try {
  for (const count of counts) {
    process.stderr.write(`${count} articles\n`);
    const project = path.join(work, `gazette-${count}`);
    await mkdir(path.join(project, "articles"), { recursive: true });
    await cp(path.join(repo, "gazette.config.yaml"), path.join(project, "gazette.config.yaml"));
    const articles = generateArticles(count);
    for (const article of articles)
      await writeFile(path.join(project, "articles", article.name), article.text);

    const site = path.join(project, "_site");
    const build = [
      "--expose-gc",
      "--import",
      "tsx",
      path.join(repo, "scripts", "build.ts"),
      "--root",
      project,
    ];
    const gazette = await timed("gazette build", node, build, repo);
    const files = await countFiles(site);
    const tagNames = new Set(
      articles.flatMap((a) =>
        [.../"([^"]+)"/g[Symbol.matchAll](/^tags: (.*)$/m.exec(a.text)?.[1] ?? "")].map((m) => m[1]),
      ),
    );
    const problems = await checkComplete(site, count, tagNames.size);

    const newsletterArgs = [
      "--import",
      "tsx",
      path.join(repo, "scripts", "newsletter.ts"),
      "--root",
      project,
    ];
    const now = ["--now", "2025-01-01T12:00:00Z", "--since", "2024-12-01", "--limit", "20"];
    const newsletter = await timed("newsletter", node, [...newsletterArgs, ...now], repo, () =>
      rm(path.join(project, "newsletter"), { recursive: true, force: true }),
    );

    let hugo: Measurement | null = null;
    const hasHugo = spawnSync("hugo", ["version"], { stdio: "ignore" }).status === 0;
    if (!values["no-hugo"] && hasHugo) {
      const hugoProject = path.join(work, `hugo-${count}`);
      try {
        await cp(values["hugo-site"], hugoProject, { recursive: true });
        await cp(path.join(project, "articles"), path.join(hugoProject, "content", "articles"), {
          recursive: true,
        });
        hugo = await timed("hugo", "hugo", ["--quiet"], hugoProject, () =>
          rm(path.join(hugoProject, "public"), { recursive: true, force: true }),
        );
      } catch (e) {
        process.stderr.write(`  hugo skipped: ${(e as Error).message.split("\n")[0]}\n`);
      }
    }
    rows.push({ articles: count, gazette, files, newsletter, hugo, problems });
    await rm(project, { recursive: true, force: true });
  }
  // The importer's batch target (issue 18): 1,000 copied pages in one process within 20 s.
  process.stderr.write("importer: 1000 copied pages in one run\n");
  const pages = path.join(work, "import-pages");
  await writeImportBatch(repo, pages, 1000);
  const importArgs = [
    "--import",
    "tsx",
    path.join(repo, "scripts", "import.ts"),
    "--json",
    "--out",
    path.join(work, "none"),
    pages,
  ];
  importBatch = await timed("import 1000 pages", node, importArgs, repo);
} finally {
  await rm(work, { recursive: true, force: true });
}

const fixed = (n: number, digits = 2) => (Number.isNaN(n) ? "n/a" : n.toFixed(digits));
console.log(
  "\n| articles | build wall s | build CPU s | peak MB | ms/article (CPU) | files | newsletter CPU s | hugo CPU s | Gazette/Hugo |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const ratio = r.hugo ? r.gazette.cpuSeconds / r.hugo.cpuSeconds : Number.NaN;
  console.log(
    `| ${r.articles} | ${fixed(r.gazette.wallSeconds)} | ${fixed(r.gazette.cpuSeconds)} | ${fixed(r.gazette.peakMegabytes, 0)} | ` +
      `${fixed((r.gazette.cpuSeconds * 1000) / r.articles)} | ${r.files} | ${fixed(r.newsletter.cpuSeconds)} | ` +
      `${r.hugo ? fixed(r.hugo.cpuSeconds) : "n/a"} | ${fixed(ratio)} |`,
  );
}
for (const r of rows) for (const p of r.problems) console.log(`INCOMPLETE at ${r.articles}: ${p}`);
if (importBatch)
  console.log(
    `\nimporter: 1000 copied pages in one run: ${fixed(importBatch.wallSeconds)} s wall, ${fixed(importBatch.cpuSeconds)} s CPU (target: 20 s)`,
  );
const small = rows[0];
const large = rows[rows.length - 1];
if (small && large && large !== small) {
  const growth = large.gazette.cpuSeconds / large.articles / (small.gazette.cpuSeconds / small.articles);
  console.log(
    `\nCost per article at ${large.articles} vs ${small.articles}: ${fixed(growth)}× (target ≤ 1.2×)`,
  );
}
if (large) {
  console.log(
    `Peak memory at ${large.articles}: ${fixed(large.gazette.peakMegabytes, 0)} MB (target < 800 MB)`,
  );
  console.log(
    `Newsletter with ${large.articles} articles: ${fixed(large.newsletter.wallSeconds)} s wall, ${fixed(large.newsletter.cpuSeconds)} s CPU (target < 1.5 s)`,
  );
  if (large.hugo)
    console.log(
      `Build vs Hugo at ${large.articles}: ${fixed(large.gazette.cpuSeconds / large.hugo.cpuSeconds)}× CPU (target ≤ 3×)`,
    );
}
if (rows.some((r) => r.problems.length > 0)) process.exitCode = 1;
