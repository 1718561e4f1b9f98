// `npm run test:browser`: builds the shipped site into a temporary folder and checks it as a reader's
// browser and the validators see it: the Nu HTML Checker on every page, axe-core in Debian's Chromium
// (light and dark), no horizontal scrolling at 320 px, no requests to other hosts. Screenshots go to
// test-results/ for a person to look at. Needs Java and /usr/bin/chromium (see .ci/run).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { buildSite } from "../src/build/build-site.ts";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { loadConfig } from "../src/config/load-config.ts";
import { formatDiagnostic } from "../src/shared/diagnostic.ts";
import { CHROMIUM_ARGS, checkPage, type PageReport } from "../test/browser/check-page.ts";
import { checkSearch } from "../test/browser/check-search.ts";
import { checkSubscriptions } from "../test/browser/check-subscriptions.ts";
import { serveFolder } from "../test/browser/static-server.ts";
import { validateHtml } from "../test/browser/validate-html.ts";

parseCommandLine(
  defineCommand({
    command: "npm run test:browser",
    summary:
      "builds the shipped site into a temporary folder and checks every page with the Nu HTML Checker, axe-core in Chromium (light and dark) and a 320 px width; screenshots go to test-results/",
    options: {},
    examples: ["npm run test:browser"],
    notes: ["Needs Java and /usr/bin/chromium (.ci/run installs them)."],
  }),
);
const root = process.cwd();
const run = promisify(execFile);
const shots = path.join(root, "test-results", "screenshots");
let passed = 0;
let failed = 0;
const pass = (what: string) => {
  passed++;
  console.log(`ok   ${what}`);
};
const fail = (what: string, details: string[]) => {
  failed++;
  console.log(`FAIL ${what}`);
  for (const line of details) console.log(`     ${line}`);
};

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// A copy of the shipped project with one newsletter issue made, so the issue pages and the email are checked.
const out = await mkdtemp(path.join(os.tmpdir(), "gazette-browser-"));
const project = path.join(out, "project");
await mkdir(shots, { recursive: true });
await cp(path.join(root, "articles"), path.join(project, "articles"), { recursive: true });
// Beside the shipped articles, one with an image and a link to its original (test/fixtures/browser/), so the
// screenshots show the image in the lead, the card, the article page and the email.
const fixtures = path.join(root, "test", "fixtures", "browser");
await cp(path.join(fixtures, "articles"), path.join(project, "articles"), { recursive: true });
await cp(path.join(root, "images"), path.join(project, "images"), { recursive: true });
await cp(path.join(fixtures, "images"), path.join(project, "images"), { recursive: true });
await cp(path.join(root, "gazette.config.yaml"), path.join(project, "gazette.config.yaml"));
await run(process.execPath, [
  "--import",
  "tsx",
  path.join(root, "scripts", "newsletter.ts"),
  "--root",
  project,
  "--since",
  "2000-01-01",
]);
const built = await buildSite({ root: project, outDir: path.join(out, "site"), now: new Date() });
if (!built.ok) {
  for (const d of built.diagnostics) console.log(formatDiagnostic(d));
  throw new Error("the shipped site does not build");
}
const pages = await htmlFiles(built.outDir);

// 1. The Nu HTML Checker on every built page.
const htmlErrors = await validateHtml(pages);
if (htmlErrors.length === 0) pass(`Nu HTML Checker: ${pages.length} pages, 0 errors`);
else {
  fail(
    `Nu HTML Checker: ${htmlErrors.length} errors`,
    htmlErrors.map((m) => `${path.relative(built.outDir, m.file)}:${m.line} ${m.message}`),
  );
}

// 2. Chromium: axe-core, overflow, foreign requests, screenshots.
const server = await serveFolder(built.outDir);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const relative = pages.map((p) => path.relative(built.outDir, p).replace(/(^|\/)index\.html$/, "$1"));
  const firstArticle = relative.findLast((p) => /^\d{4}\/\d{2}\/[^/]+\/$/.test(p));
  const firstTag = relative.find((p) => /^tags\/[^/]+\/$/.test(p));
  const firstSource = relative.find((p) => /^sources\/[^/]+\/$/.test(p));
  const firstMonth = relative.find((p) => /^archive\/\d{4}\/\d{2}\/$/.test(p));
  const named: Record<string, string> = {
    home: "",
    article: firstArticle ?? "",
    tag: firstTag ?? "",
    source: firstSource ?? "",
    archive: firstMonth ?? "",
    subscribe: "subscribe/",
    feeds: "feeds/",
    search: "search/",
    "search results": "search/?q=iran",
    newsletter: "newsletter/",
    issue: "newsletter/1/",
    "404": "no-such-page/",
  };
  // The pages a reader judges the design by: screenshots at a phone's and a desktop's width, light and dark.
  const pictured = new Set(["home", "article", "tag", "source", "archive", "search results", "feeds"]);
  for (const [name, page] of Object.entries(named)) {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of pictured.has(name) ? [375, 1280] : [1280]) {
        const report = await checkPage(browser, {
          url: server.url + page,
          width,
          colorScheme,
          ...(pictured.has(name)
            ? { screenshot: path.join(shots, `${name.replace(" ", "-")}-${width}-${colorScheme}.png`) }
            : {}),
          // The search page's results come from Pagefind's script: check them once they are shown.
          ...(name === "search results" ? { waitFor: ".pagefind-ui__result" } : {}),
        });
        report.violations.length === 0
          ? pass(`axe-core ${name} at ${width} px (${colorScheme}): 0 violations`)
          : fail(
              `axe-core ${name} at ${width} px (${colorScheme}): ${report.violations.length} violations`,
              report.violations.map(
                (v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(", ")}`,
              ),
            );
      }
    }
  }
  // Search on a fixture site with known articles: the first result, filters, order, the page without JS.
  for (const result of await checkSearch(browser)) {
    result.problems.length === 0 ? pass(result.name) : fail(result.name, result.problems);
  }
  // Subscribe, confirm and unsubscribe on a fixture site, against the running service and an SMTP sink.
  for (const result of await checkSubscriptions(browser, root)) {
    result.problems.length === 0 ? pass(result.name) : fail(result.name, result.problems);
  }

  const wide: PageReport[] = [];
  for (const page of relative) {
    const isShot = page === "" || page === firstArticle;
    const report = await checkPage(browser, {
      url: server.url + page,
      width: 320,
      colorScheme: "light",
      axeTags: ["wcag2a"],
      ...(isShot ? { screenshot: path.join(shots, `${page === "" ? "home" : "article"}-320.png`) } : {}),
    });
    if (report.overflow > 0 || report.foreignRequests.length > 0) wide.push(report);
  }
  wide.length === 0
    ? pass(`${relative.length} pages at 320 px: no horizontal scrolling, no requests to other hosts`)
    : fail(
        "pages that scroll sideways at 320 px or call other hosts",
        wide.map((r) => `${r.check.url}: overflow ${r.overflow}px, foreign ${r.foreignRequests.join(" ")}`),
      );

  // 3. The email as a mail client shows it: phone and desktop widths, light and dark, WCAG A and AA rules.
  // Its images are the site's, at the configured address: point that address at the local copy of the
  // site and open the email from there, so they load and no request leaves the machine. (The site's own
  // checks are done: this file is not one of its pages.)
  const emailDir = path.join(built.outDir, "email-check");
  await mkdir(emailDir, { recursive: true });
  const configuredUrl = (await loadConfig(project)).config?.url ?? "";
  const emailHtml = await readFile(path.join(project, "newsletter", "1", "email.html"), "utf8");
  await writeFile(path.join(emailDir, "email.html"), emailHtml.replaceAll(configuredUrl, server.url));
  for (const width of [375, 600]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const report = await checkPage(browser, {
        url: `${server.url}email-check/email.html`,
        width,
        colorScheme,
        axeTags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        screenshot: path.join(shots, `email-${width}-${colorScheme}.png`),
      });
      const problems = [
        ...report.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(", ")}`,
        ),
        ...(report.overflow > 0 ? [`scrolls sideways by ${report.overflow}px`] : []),
        ...report.foreignRequests.map((url) => `requests ${url}`),
      ];
      problems.length === 0
        ? pass(`email at ${width} px (${colorScheme}): 0 violations, no overflow`)
        : fail(`email at ${width} px (${colorScheme})`, problems);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(out, { recursive: true, force: true });
}

console.log(`\nScreenshots: ${path.relative(root, shots)}/`);
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
