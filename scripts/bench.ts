// `npm run bench -- --articles 1000,10000,50000 [--runs 3] [--no-hugo]`: generates N articles into a
// temporary project and times, for Gazette and (where `hugo` is installed) Hugo on the same articles in
// the same run: a cold build (no cache, no output), a rebuild after adding one article, and a rebuild after
// editing one template; also the cold build without the search index (the search's share), the bytes a
// first search transfers, and `npm run newsletter`. It checks Gazette's output is complete and that its
// incremental output equals a clean build. Figures: median of --runs runs after one warm-up; CPU is user +
// system as GNU time reports.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { generateArticles } from "./bench/generate-articles.ts";
import { writeImportBatch } from "./bench/import-batch.ts";
import { type Measurement, measure, median } from "./bench/measure.ts";
import { measureSearch, type SearchTransfer } from "./bench/measure-search.ts";

const command = defineCommand({
  command: "npm run bench",
  summary:
    "times cold builds and rebuilds (one article added, one template edited) on generated articles, beside Hugo where installed",
  options: {
    articles: {
      type: "string",
      value: "N,N",
      description: "the article counts to measure, comma-separated",
      default: "1000,10000",
      check: (value) =>
        /^[1-9]\d*(,[1-9]\d*)*$/.test(value)
          ? null
          : `--articles "${value}" is not a list of article counts (expected whole numbers of at least 1, e.g. 1000,10000)`,
    },
    runs: {
      type: "string",
      value: "N",
      description: "measured runs per figure (after one warm-up)",
      default: "3",
      check: (value) =>
        /^[1-9]\d*$/.test(value)
          ? null
          : `--runs "${value}" is not a number of runs (expected a whole number, 1 or more)`,
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
      default: existsSync(path.join(process.cwd(), "..", "shared", "bench", "hugo-site"))
        ? path.join(process.cwd(), "..", "shared", "bench", "hugo-site")
        : path.join(process.cwd(), "scripts", "bench", "hugo-site"),
      defaultText: "../shared/bench/hugo-site, else scripts/bench/hugo-site",
    },
  },
  examples: [
    "npm run bench",
    "npm run bench -- --articles 50000 --runs 1",
    "npm run bench -- --subscriptions",
  ],
  notes: ["See docs/performance.md."],
});
const { values } = parseCommandLine(command);
const counts = values.articles.split(",").map(Number);
const runs = Number(values.runs);
const repo = process.cwd();
const node = process.execPath;
if (values.subscriptions) {
  const { benchSubscriptions } = await import("./bench/subscriptions.ts");
  process.exit(await benchSubscriptions(repo, runs));
}
const launch = path.join(repo, "scripts", "launch.mjs");

/** Every file below a folder with its bytes' hash, to compare two outputs. */
async function treeHashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const e of entries
    .filter((x) => x.isFile())
    .sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    const file = path.join(e.parentPath, e.name);
    out.set(
      path.relative(dir, file),
      createHash("sha1")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return out;
}

/** Runs `before` then the command, `runs` times after a warm-up, and gives the medians. */
async function timed(
  label: string,
  cmd: string,
  args: string[],
  cwd: string,
  before: (i: number) => Promise<void>,
) {
  const results: Measurement[] = [];
  for (let i = 0; i <= runs; i++) {
    await before(i);
    const result = await measure(cmd, args, cwd);
    if (i > 0) results.push(result);
    process.stderr.write(
      `  ${label} ${i === 0 ? "warm-up" : `run ${i}`}: ${result.wallSeconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU, ${result.peakMegabytes.toFixed(0)} MB\n`,
    );
  }
  return median(results);
}

/** Checks that a build of `count` articles wrote every article page, tag page, month page and feed. */
async function checkComplete(
  site: string,
  count: number,
  tagCount: number,
  monthCount: number,
): Promise<string[]> {
  const files = new Set((await treeHashes(site)).keys());
  const problems: string[] = [];
  const articlePages = [...files].filter((f) => /^\d{4}\/\d{2}\/bench-article-\d+\/index\.html$/.test(f));
  if (articlePages.length !== count)
    problems.push(`${articlePages.length} article pages for ${count} articles`);
  for (const file of ["index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "archive/index.html"])
    if (!files.has(file)) problems.push(`no ${file}`);
  const tagPages = [...files].filter((f) => /^tags\/[^/]+\/index\.html$/.test(f));
  if (tagPages.length !== tagCount) problems.push(`${tagPages.length} tag pages for ${tagCount} tags`);
  for (const page of tagPages)
    for (const feed of ["feed.xml", "atom.xml"])
      if (!files.has(`${path.dirname(page)}/${feed}`)) problems.push(`no ${path.dirname(page)}/${feed}`);
  const months = [...files].filter((f) => /^archive\/\d{4}\/\d{2}\/index\.html$/.test(f)).length;
  if (months !== monthCount) problems.push(`${months} archive month pages for ${monthCount} months`);
  return problems;
}

type Scenario = "cold" | "add one article" | "edit one template";
interface Row {
  articles: number;
  scenario: Scenario;
  gazette: Measurement;
  hugo: Measurement | null;
}
/** Per article count: the search's cost and transfer, and the newsletter. */
interface Extra {
  articles: number;
  withoutSearch: Measurement;
  search: SearchTransfer | null;
  newsletter: Measurement;
}

const rows: Row[] = [];
const extras: Extra[] = [];
let importBatch: Measurement | null = null;
const problems: string[] = [];
const hasHugo = !values["no-hugo"] && spawnSync("hugo", ["version"], { stdio: "ignore" }).status === 0;
if (!values["no-hugo"] && !hasHugo)
  process.stderr.write(
    "hugo is not installed (Debian's hugo package): the Hugo columns will read n/a; pass --no-hugo to skip them\n",
  );
const load = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(", ");
const work = await mkdtemp(path.join(os.tmpdir(), "gazette-bench-"));
try {
  for (const count of counts) {
    process.stderr.write(
      `${count} articles (load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(", ")})\n`,
    );
    const project = path.join(work, `gazette-${count}`);
    await mkdir(path.join(project, "articles"), { recursive: true });
    await cp(path.join(repo, "gazette.config.yaml"), path.join(project, "gazette.config.yaml"));
    await cp(path.join(repo, "templates"), path.join(project, "templates"), { recursive: true });
    // The configuration's images (the default Open Graph image) come with it.
    if (existsSync(path.join(repo, "images")))
      await cp(path.join(repo, "images"), path.join(project, "images"), { recursive: true });
    const generated = generateArticles(count + runs + 1);
    const extra = generated.splice(count);
    for (const article of generated)
      await writeFile(path.join(project, "articles", article.name), article.text);
    const site = path.join(project, "_site");
    const build = [
      launch,
      "scripts/build.ts",
      "--root",
      project,
      "--templates",
      path.join(project, "templates"),
    ];
    const wipe = async () => {
      await rm(site, { recursive: true, force: true });
      await rm(path.join(project, ".gazette-cache"), { recursive: true, force: true });
    };

    const cold = await timed("gazette cold", node, build, repo, wipe);
    const tagCount = new Set(
      generated.flatMap((a) =>
        [.../"([^"]+)"/g[Symbol.matchAll](/^tags: (.*)$/m.exec(a.text)?.[1] ?? "")].map((m) => m[1]),
      ),
    ).size;
    const monthCount = new Set(generated.map((a) => a.name.slice(0, 7))).size;
    problems.push(...(await checkComplete(site, count, tagCount, monthCount)).map((p) => `${count}: ${p}`));
    const search = await measureSearch(site, "tanker");
    const withoutSearch = await timed(
      "gazette cold --no-search",
      node,
      [...build, "--no-search"],
      repo,
      wipe,
    );
    // Put the full output back (with its index) for the rebuilds below.
    await wipe();
    if (spawnSync(node, build, { cwd: repo, stdio: "ignore" }).status !== 0)
      problems.push(`${count}: the cold build failed`);
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
    await rm(path.join(project, "newsletter"), { recursive: true, force: true });
    extras.push({ articles: count, withoutSearch, search, newsletter });
    // Each run adds another new article, the newest of all (so neighbours, listings and feeds change).
    const added = await timed("gazette add one", node, build, repo, async (i) => {
      const article = extra[i] as { name: string; text: string };
      const text = article.text.replace(/^date: .*$/m, `date: 2025-06-${String(10 + i).padStart(2, "0")}`);
      await writeFile(path.join(project, "articles", article.name), text);
    });
    const template = path.join(project, "templates", "partials", "article-page.njk");
    const edited = await timed("gazette edit template", node, build, repo, (i) =>
      appendFile(template, `{# edit ${i} #}<!-- edit ${i} -->\n`),
    );
    // The incremental output must equal a clean build of the same files.
    const clean = path.join(project, "_clean");
    const cleanRun = spawnSync(node, [...build, "--clean", "--out", clean], { cwd: repo, encoding: "utf8" });
    if (cleanRun.status !== 0)
      problems.push(`${count}: the clean build failed: ${cleanRun.stderr.slice(-500)}`);
    else {
      const [a, b] = [await treeHashes(site), await treeHashes(clean)];
      const differ = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));
      if (differ.length > 0)
        problems.push(
          `${count}: incremental ≠ clean in ${differ.length} files (${differ.slice(0, 3).join(", ")})`,
        );
      else process.stderr.write("  incremental output = clean build output\n");
    }

    let hugo: Record<Scenario, Measurement> | null = null;
    if (hasHugo) {
      const hugoProject = path.join(work, `hugo-${count}`);
      await cp(values["hugo-site"], hugoProject, { recursive: true });
      await mkdir(path.join(hugoProject, "content", "articles"), { recursive: true });
      for (const article of generated)
        await writeFile(path.join(hugoProject, "content", "articles", article.name), article.text);
      const hugoArgs = ["--quiet"];
      const hugoCold = await timed("hugo cold", "hugo", hugoArgs, hugoProject, () =>
        rm(path.join(hugoProject, "public"), { recursive: true, force: true }),
      );
      const hugoAdded = await timed("hugo add one", "hugo", hugoArgs, hugoProject, async (i) => {
        const article = extra[i] as { name: string; text: string };
        await writeFile(path.join(hugoProject, "content", "articles", article.name), article.text);
      });
      const single = path.join(hugoProject, "layouts", "_default", "single.html");
      const hugoEdited = await timed("hugo edit template", "hugo", hugoArgs, hugoProject, (i) =>
        appendFile(single, `<!-- edit ${i} -->\n`),
      );
      hugo = { cold: hugoCold, "add one article": hugoAdded, "edit one template": hugoEdited };
    }
    for (const [scenario, gazette] of [
      ["cold", cold],
      ["add one article", added],
      ["edit one template", edited],
    ] as const)
      rows.push({ articles: count, scenario, gazette, hugo: hugo?.[scenario] ?? null });
    await rm(project, { recursive: true, force: true });
    await rm(path.join(work, `hugo-${count}`), { recursive: true, force: true });
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
  importBatch = await timed("import 1000 pages", node, importArgs, repo, async () => {});
} finally {
  await rm(work, { recursive: true, force: true });
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ratio = (a: number, b: number | undefined) => (b ? `${fixed(a / b)}×` : "n/a");
console.log(`\nLoad average when the run started: ${load} (${os.cpus().length} cores)\n`);
console.log(
  "| articles | build | Gazette wall s | CPU s | peak MB | Hugo wall s | CPU s | peak MB | wall | CPU | peak |",
);
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const g = r.gazette;
  const h = r.hugo;
  console.log(
    `| ${r.articles} | ${r.scenario} | ${fixed(g.wallSeconds)} | ${fixed(g.cpuSeconds)} | ${fixed(g.peakMegabytes, 0)} | ` +
      `${h ? fixed(h.wallSeconds) : "n/a"} | ${h ? fixed(h.cpuSeconds) : "n/a"} | ${h ? fixed(h.peakMegabytes, 0) : "n/a"} | ` +
      `${ratio(g.wallSeconds, h?.wallSeconds)} | ${ratio(g.cpuSeconds, h?.cpuSeconds)} | ${ratio(g.peakMegabytes, h?.peakMegabytes)} |`,
  );
}
const row = (n: number, s: Scenario) => rows.find((r) => r.articles === n && r.scenario === s);
const lines: string[] = [];
const c10 = row(10000, "cold");
if (c10?.hugo)
  lines.push(
    `cold 10,000: wall ${ratio(c10.gazette.wallSeconds, c10.hugo.wallSeconds)} (target ≤ 1.0×), CPU ${ratio(c10.gazette.cpuSeconds, c10.hugo.cpuSeconds)} (≤ 1.5×), peak ${ratio(c10.gazette.peakMegabytes, c10.hugo.peakMegabytes)} (≤ 0.5×)`,
  );
const c1 = row(1000, "cold");
if (c1?.hugo)
  lines.push(`cold 1,000: wall ${ratio(c1.gazette.wallSeconds, c1.hugo.wallSeconds)} (target ≤ 2.0×)`);
const a10 = row(10000, "add one article");
if (a10 && c10?.hugo)
  lines.push(
    `add one article at 10,000: ${ratio(a10.gazette.wallSeconds, c10.hugo.wallSeconds)} of Hugo's full build wall (target ≤ 0.15×)`,
  );
const c50 = row(50000, "cold");
if (c50) {
  lines.push(`cold 50,000: peak ${fixed(c50.gazette.peakMegabytes, 0)} MB (target ≤ 1,024)`);
  if (c10)
    lines.push(
      `CPU per article at 50,000 vs 10,000: ${ratio(c50.gazette.cpuSeconds / 50000, c10.gazette.cpuSeconds / 10000)} (target ≤ 1.2×)`,
    );
}
console.log(
  "\n| articles | cold build CPU s | without search CPU s | indexing adds (CPU) | wall | first search KB (gzip) | of which the query KB | results | newsletter CPU s |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const e of extras) {
  const c = row(e.articles, "cold")?.gazette;
  if (!c) continue;
  const share = (a: number, b: number) => `${fixed(((a - b) / b) * 100, 1)} %`;
  const kb = (n: number | undefined) => (n === undefined ? "n/a" : fixed(n / 1024, 1));
  console.log(
    `| ${e.articles} | ${fixed(c.cpuSeconds)} | ${fixed(e.withoutSearch.cpuSeconds)} | ${share(c.cpuSeconds, e.withoutSearch.cpuSeconds)} | ` +
      `${share(c.wallSeconds, e.withoutSearch.wallSeconds)} | ${kb(e.search?.totalBytes)} | ${kb(e.search?.queryBytes)} | ${e.search?.results ?? "n/a"} | ${fixed(e.newsletter.cpuSeconds)} |`,
  );
}
const e10 = extras.find((e) => e.articles === 10000);
if (c10 && e10) {
  lines.push(
    `search indexing at 10,000: +${fixed(((c10.gazette.cpuSeconds - e10.withoutSearch.cpuSeconds) / e10.withoutSearch.cpuSeconds) * 100, 1)} % of the cold build's CPU (target ≤ 10 %)`,
  );
  lines.push(
    e10.search
      ? `a first search at 10,000: ${fixed(e10.search.totalBytes / 1024, 1)} KB transferred, gzip (target ≤ 300 KB)`
      : "search transfer: not measured (no /usr/bin/chromium)",
  );
}
console.log("");
for (const line of lines) console.log(line);
if (importBatch)
  console.log(
    `\nimporter: 1000 copied pages in one run: ${fixed(importBatch.wallSeconds)} s wall, ${fixed(importBatch.cpuSeconds)} s CPU (target: 20 s)`,
  );
for (const p of problems) console.log(`PROBLEM ${p}`);
if (problems.length > 0) process.exitCode = 1;
