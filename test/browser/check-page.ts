import { createRequire } from "node:module";
import type { Browser } from "playwright-core";

/** Chromium from Debian, never a downloaded browser; flags for a closed network and a root user. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface PageCheck {
  url: string;
  width: number;
  colorScheme: "light" | "dark";
  /** axe-core rule tags to run; all default rules (best practices included) when absent. */
  axeTags?: string[];
  screenshot?: string;
  /** A selector to wait for after load (content a script renders, such as search results). */
  waitFor?: string;
}

export interface PageReport {
  check: PageCheck;
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  /** How far the page scrolls sideways, in CSS pixels (0 is right). */
  overflow: number;
  /** Requests to any host but the page's own. */
  foreignRequests: string[];
  consoleErrors: string[];
}

/** Opens one page at a width and colour scheme, runs axe-core in it and measures horizontal overflow. */
export async function checkPage(browser: Browser, check: PageCheck): Promise<PageReport> {
  const context = await browser.newContext({
    viewport: { width: check.width, height: 900 },
    colorScheme: check.colorScheme,
    javaScriptEnabled: true,
  });
  const page = await context.newPage();
  const origin = new URL(check.url).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) foreignRequests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.route(/.*/, (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort("blockedbyclient"),
  );
  await page.goto(check.url, { waitUntil: "load" });
  if (check.waitFor) await page.waitForSelector(check.waitFor, { timeout: 15_000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (check.screenshot) await page.screenshot({ path: check.screenshot, fullPage: true });
  await page.addScriptTag({ path: axeSource });
  const result = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    return axe.run(document, tags ? { runOnly: { type: "tag", values: tags } } : {});
  }, check.axeTags ?? null)) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  await context.close();
  return {
    check,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    })),
    overflow,
    foreignRequests,
    consoleErrors,
  };
}
