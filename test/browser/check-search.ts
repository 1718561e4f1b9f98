import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/build/build-site.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { serveFolder } from "./static-server.ts";

/** One check's outcome: a name and, when it failed, what was seen. */
export interface SearchCheck {
  name: string;
  problems: string[];
}

const CONFIG = [
  "title: Search Gazette",
  "description: Articles to search.",
  "url: https://example.org/",
  "language: en-GB",
  "time_zone: Europe/London",
  "newsletter:",
  "  unsubscribe_mailto: unsubscribe@example.org",
  "  postal_address: 1 Search Street",
  "",
].join("\n");

/** Articles whose words, tags, sources and years the checks below rely on. */
const ARTICLES: Record<string, { title: string; date: string; source: string; tags: string; body: string }> =
  {
    "2019-07-19-hormuz.md": {
      title: "Tanker seized in the Strait of Hormuz",
      date: "2019-07-19",
      source: "Gulf Wire",
      tags: "[Shipping, Iran]",
      body: "Commandos boarded a British-flagged tanker in the Strait of Hormuz. The tanker was taken to port.",
    },
    "2020-03-02-insurance.md": {
      title: "Insurers raise rates for Gulf shipping",
      date: "2020-03-02",
      source: "Market Daily",
      tags: "[Shipping, Markets]",
      body: "War-risk premiums for every tanker crossing the Gulf doubled this week, brokers said.",
    },
    "2020-11-20-pipeline.md": {
      title: "Pipeline deal signed with Ankara",
      date: "2020-11-20",
      source: "Gulf Wire",
      tags: "[Energy]",
      body: "The pipeline will carry gas to Turkey from next year. No tanker is needed on this route.",
    },
    "2021-05-04-convoy.md": {
      title: "Navies plan an escort for oil convoys",
      date: "2021-05-04",
      source: "Harbour Times",
      tags: "[Shipping]",
      body: "Each tanker will sail with an escort through the narrow channel, officials said.",
    },
    "2021-08-09-elections.md": {
      title: "Parliament sets a date for elections",
      date: "2021-08-09",
      source: "Harbour Times",
      tags: "[Politics]",
      body: "The vote will take place in the spring. Candidates register next month.",
    },
  };

async function results(page: Page): Promise<string[]> {
  return page.$$eval(".pagefind-ui__result-title", (nodes) => nodes.map((n) => (n.textContent ?? "").trim()));
}

/** Waits until the result list stops changing (Pagefind renders as the index chunks arrive), then reads it. */
async function settled(page: Page, count?: number): Promise<string[]> {
  let last = "";
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(150);
    const now = await results(page);
    const key = now.join("\n");
    if (key === last && now.length > 0 && (count === undefined || now.length === count)) return now;
    last = key;
  }
  return results(page);
}

async function setFilter(page: Page, name: string, value: string): Promise<void> {
  await page.$eval(`input.pagefind-ui__filter-checkbox[name="${name}"][value="${value}"]`, (input) =>
    (input as HTMLInputElement).click(),
  );
}

/**
 * The search as a reader uses it, on a built fixture site served from 127.0.0.1 (a free port): a query
 * from the header's box gets the expected article first, with its source and date; tag and year filters
 * narrow the results; without JavaScript the page shows its form and the ways to browse; no other page
 * loads a script.
 */
export async function checkSearch(browser: Browser): Promise<SearchCheck[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), "gazette-search-browser-"));
  const checks: SearchCheck[] = [];
  const check = (name: string, problems: string[]) => checks.push({ name, problems });
  try {
    await writeFile(path.join(work, "gazette.config.yaml"), CONFIG);
    await mkdir(path.join(work, "articles"));
    for (const [file, a] of Object.entries(ARTICLES)) {
      const front = `---\ntitle: "${a.title}"\ndate: ${a.date}\nsource: ${a.source}\ntags: ${a.tags}\n---\n`;
      await writeFile(path.join(work, "articles", file), `${front}${a.body}\n`);
    }
    const built = await buildSite({ root: work, now: new Date("2022-01-01T00:00:00Z"), jobs: 1 });
    if (!built.ok) throw new Error(built.diagnostics.map(formatDiagnostic).join("\n"));
    const server = await serveFolder(built.outDir);
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });

      // From the header's search box on the home page.
      await page.goto(server.url);
      await page.fill("#site-search-q", "hormuz");
      await Promise.all([page.waitForURL(/\/search\/\?q=hormuz$/), page.press("#site-search-q", "Enter")]);
      const first = await settled(page);
      const meta = await page.$eval(".pagefind-ui__result-tags", (n) => n.textContent ?? "").catch(() => "");
      const excerpt = await page
        .$eval(".pagefind-ui__result-excerpt", (n) => n.textContent ?? "")
        .catch(() => "");
      check(
        "search: a query from the header box gets the expected article first, with source, date and excerpt",
        [
          ...(first[0] === "Tanker seized in the Strait of Hormuz"
            ? []
            : [`first result: ${first[0] ?? "none"}`]),
          ...(meta.includes("Gulf Wire") && meta.includes("19 July 2019") ? [] : [`result meta: ${meta}`]),
          ...(/hormuz/i.test(excerpt) ? [] : [`excerpt: ${excerpt}`]),
        ],
      );

      // Filters narrow a broader query.
      await page.goto(`${server.url}search/?q=tanker`);
      const all = await settled(page, 4);
      await setFilter(page, "tag", "Markets");
      const markets = await settled(page, 1);
      await setFilter(page, "tag", "Markets");
      await settled(page, 4);
      await setFilter(page, "year", "2021");
      const year = await settled(page, 1);
      check("search: the tag and year filters narrow the results", [
        ...(all.length === 4 ? [] : [`"tanker": ${all.length} results (${all.join("; ")}), expected 4`]),
        ...(markets.join() === "Insurers raise rates for Gulf shipping"
          ? []
          : [`tag Markets: ${markets.join("; ")}`]),
        ...(year.join() === "Navies plan an escort for oil convoys" ? [] : [`year 2021: ${year.join("; ")}`]),
      ]);

      // Newest first, from the order menu.
      await page.goto(`${server.url}search/?q=tanker&sort=newest`);
      const newest = await settled(page, 4);
      check("search: newest first orders the results by date", [
        ...(newest[0] === "Navies plan an escort for oil convoys" &&
        newest[3] === "Tanker seized in the Strait of Hormuz"
          ? []
          : [`order: ${newest.join("; ")}`]),
      ]);

      // No other page asks for a script.
      scripts.length = 0;
      for (const other of ["", "2019/07/hormuz/", "tags/shipping/", "feeds/", "archive/"]) {
        await page.goto(server.url + other, { waitUntil: "load" });
      }
      check(
        "search: no page but /search/ loads a script",
        scripts.length ? [`scripts: ${scripts.join(" ")}`] : [],
      );
      await context.close();

      // Without JavaScript: the plain form and the ways to browse.
      const plain = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await plain.newPage();
      await noJs.goto(`${server.url}search/`);
      const visible = await noJs.isVisible("#search-q");
      const links = await noJs.$$eval("#search-help a", (as) => as.map((a) => a.getAttribute("href")));
      await noJs.fill("#search-q", "pipeline");
      await Promise.all([noJs.waitForURL(/\/search\/\?q=pipeline/), noJs.click("#search-form button")]);
      check("search without JavaScript: a working form, and links to the tags, sources and archive", [
        ...(visible ? [] : ["the form is hidden"]),
        ...(["/tags/", "/sources/", "/archive/"].every((l) => links.includes(l))
          ? []
          : [`links: ${links.join(" ")}`]),
        ...((await noJs.isVisible("#search-help")) ? [] : ["the explanation is hidden after submitting"]),
      ]);
      await plain.close();
    } finally {
      await server.close();
    }
  } catch (e) {
    check("search: the fixture site builds and serves", [(e as Error).message]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return checks;
}
