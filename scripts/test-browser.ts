// `npm run test:browser`: builds the shipped site into a temporary folder and checks it as a reader's
// browser and the validators see it: the Nu HTML Checker on every page, axe-core in Debian's Chromium
// (light and dark), no horizontal scrolling at 320 px, no requests to other hosts. Screenshots go to
// test-results/ for a person to look at. Needs Java and /usr/bin/chromium (see .ci/run).
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { buildSite } from "../src/build/build-site.ts";
import { formatDiagnostic } from "../src/shared/diagnostic.ts";
import { CHROMIUM_ARGS, checkPage, type PageReport } from "../test/browser/check-page.ts";
import { serveFolder } from "../test/browser/static-server.ts";
import { validateHtml } from "../test/browser/validate-html.ts";

const root = process.cwd();
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

const out = await mkdtemp(path.join(os.tmpdir(), "gazette-browser-"));
await mkdir(shots, { recursive: true });
const built = await buildSite({ root, outDir: path.join(out, "site"), now: new Date() });
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
  const firstArticle = relative.find((p) => /^\d{4}\/\d{2}\/[^/]+\/$/.test(p));
  const firstTag = relative.find((p) => /^tags\/[^/]+\/$/.test(p));
  const firstMonth = relative.find((p) => /^archive\/\d{4}\/\d{2}\/$/.test(p));
  const named: Record<string, string> = {
    home: "",
    article: firstArticle ?? "",
    tag: firstTag ?? "",
    archive: firstMonth ?? "",
    subscribe: "subscribe/",
    "404": "no-such-page/",
  };
  for (const [name, page] of Object.entries(named)) {
    for (const colorScheme of ["light", "dark"] as const) {
      const report = await checkPage(browser, {
        url: server.url + page,
        width: 1280,
        colorScheme,
        ...(name === "home" || name === "article"
          ? { screenshot: path.join(shots, `${name}-1280-${colorScheme}.png`) }
          : {}),
      });
      report.violations.length === 0
        ? pass(`axe-core ${name} (${colorScheme}): 0 violations`)
        : fail(
            `axe-core ${name} (${colorScheme}): ${report.violations.length} violations`,
            report.violations.map(
              (v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(", ")}`,
            ),
          );
    }
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
} finally {
  await browser.close();
  await server.close();
  await rm(out, { recursive: true, force: true });
}

console.log(`\nScreenshots: ${path.relative(root, shots)}/`);
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
