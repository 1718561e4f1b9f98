import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import { OUTPUT_MARKER } from "../../src/build/output-guard.ts";
import { checkRequestPath } from "../../src/dev/check-request-path.ts";
import { errorPage, goneArticleUrls, startDevServer } from "../../src/dev/dev-server.ts";
import { articleText, fixtureConfig, makeFixtureSite } from "../build/fixture-site.ts";

const dev = suite("startDevServer");

async function waitFor<T>(probe: () => Promise<T | null>, ms: number): Promise<T | null> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

dev("serves the site and re-renders a saved article's page", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-story.md": articleText({ title: "First title", date: "2019-01-31", tags: "[Iran]" }),
    "2019-01-30-other.md": articleText({ title: "Other", date: "2019-01-30", tags: "[Iran]" }),
  });
  const lines: string[] = [];
  const server = await startDevServer({
    root,
    outDir: path.join(root, "_site"),
    port: 0,
    log: (line) => lines.push(line),
  });
  try {
    const url = `http://127.0.0.1:${server.port}/2019/01/story/`;
    const first = await waitFor(async () => {
      const response = await fetch(url);
      return response.ok ? await response.text() : null;
    }, 10_000);
    assert.match(first ?? "", "<h1>First title</h1>");
    const file = path.join(root, "articles", "2019-01-31-story.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("First title", "Edited title"));
    const edited = await waitFor(async () => {
      const html = await (await fetch(url)).text();
      return html.includes("<h1>Edited title</h1>") ? html : null;
    }, 10_000);
    assert.ok(edited, `the page shows the edit (log: ${lines.join(" | ")})`);
    const updated = lines.find((line) => line.startsWith("updated /2019/01/story/"));
    assert.ok(updated, "the saved article's own page was rendered first");
  } finally {
    await server.close();
  }
});

dev(
  "with the last build's output and cache it serves at once, then brings the output up to date",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), {
      "2019-01-30-other.md": articleText({ title: "Other", date: "2019-01-30", tags: "[Iran]" }),
    });
    const outDir = path.join(root, "_site");
    const built = await buildSite({ root, outDir, now: new Date(), jobs: 1 });
    assert.ok(built.ok);
    // Written after the last build: the dev server must not wait for it before serving.
    await writeFile(
      path.join(root, "articles", "2019-01-31-later.md"),
      articleText({ title: "Added later", date: "2019-01-31", tags: "[Iran]" }),
    );
    const lines: string[] = [];
    const server = await startDevServer({ root, outDir, port: 0, log: (line) => lines.push(line) });
    try {
      assert.ok(
        lines.some((line) => line.startsWith("serving")),
        "serving once started",
      );
      assert.not.ok(
        lines.some((line) => line.startsWith("built in")),
        `no build before serving (log: ${lines.join(" | ")})`,
      );
      const home = await waitFor(async () => {
        const html = await (await fetch(`http://127.0.0.1:${server.port}/`)).text();
        return html.includes("Added later") ? html : null;
      }, 20_000);
      assert.ok(home, `the added article reaches the served site (log: ${lines.join(" | ")})`);
      assert.ok(lines.some((line) => line.startsWith("brought the last build up to date")));
    } finally {
      await server.close();
    }
  },
);

/** One GET with the request target sent exactly as given (fetch would normalise `..` away). */
function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: target, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

dev("listens on 127.0.0.1 only, and answers malformed paths with 400 without dying", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-story.md": articleText({ title: "Story", date: "2019-01-31" }),
  });
  // A build killed mid-swap left the old output aside: the dev server puts it back first.
  await mkdir(path.join(root, "_site.old-99999999"));
  const lines: string[] = [];
  const server = await startDevServer({
    root,
    outDir: path.join(root, "_site"),
    port: 0,
    log: (line) => lines.push(line),
  });
  try {
    assert.is(server.host, "127.0.0.1");
    assert.ok(server.port > 0);
    assert.ok(
      lines.some((line) => line === `serving http://127.0.0.1:${server.port}/`),
      lines.join("\n"),
    );
    assert.ok(
      lines.some((line) => line.startsWith("restored _site") || line.includes("restored")),
      lines.join("\n"),
    );
    assert.ok(existsSync(path.join(root, "_site", OUTPUT_MARKER)));
    for (const target of [
      "/%E0%A4%A",
      "/%",
      "/2019/%ZZ/",
      "/%00",
      "/a%00b/index.html",
      "/../../etc/passwd",
      "/2019/%2e%2e/%2e%2e/gazette.config.yaml",
      "/..%2f..%2fgazette.config.yaml",
      "/%5c..%5cgazette.config.yaml",
    ]) {
      const response = await rawGet(server.port, target);
      assert.is(response.status, 400, target);
      assert.match(response.body, "400 Bad Request", target);
      assert.not.match(response.body, "title: Fixture", target);
    }
    const ok = await rawGet(server.port, "/2019/01/story/");
    assert.is(ok.status, 200, "the server is still serving");
    assert.match(ok.body, "<h1>Story</h1>");
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true, maxRetries: 5 });
  }
});

dev("a deleted article's page is a 404 at once, a renamed one moves", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-story.md": articleText({ title: "Story", date: "2019-01-31" }),
    "2019-01-30-other.md": articleText({ title: "Other", date: "2019-01-30" }),
    "2019-01-29-third.md": articleText({ title: "Third", date: "2019-01-29" }),
  });
  const lines: string[] = [];
  const server = await startDevServer({
    root,
    outDir: path.join(root, "_site"),
    port: 0,
    log: (l) => lines.push(l),
  });
  const base = `http://127.0.0.1:${server.port}`;
  const status = async (p: string) => {
    const r = await fetch(`${base}${p}`);
    await r.text();
    return r.status;
  };
  try {
    assert.is(
      await waitFor(async () => ((await status("/2019/01/story/")) === 200 ? 200 : null), 10_000),
      200,
    );
    await rm(path.join(root, "articles", "2019-01-31-story.md"));
    const gone = await waitFor(async () => ((await status("/2019/01/story/")) === 404 ? 404 : null), 10_000);
    assert.is(gone, 404, `the deleted page went (log: ${lines.join(" | ")})`);
    await rename(
      path.join(root, "articles", "2019-01-30-other.md"),
      path.join(root, "articles", "2019-01-30-renamed.md"),
    );
    const moved = await waitFor(
      async () => ((await status("/2019/01/renamed/")) === 200 ? 200 : null),
      10_000,
    );
    assert.is(moved, 200, `the renamed page is at its new address (log: ${lines.join(" | ")})`);
    assert.is(await status("/2019/01/other/"), 404);
    assert.is(await status("/2019/01/third/"), 200);
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true, maxRetries: 5 });
  }
});

dev(
  "a broken file: the browser shows the error with file and line, and the site again once fixed",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), {
      "2019-01-31-story.md": articleText({ title: "Story", date: "2019-01-31" }),
    });
    const lines: string[] = [];
    const server = await startDevServer({
      root,
      outDir: path.join(root, "_site"),
      port: 0,
      log: (l) => lines.push(l),
    });
    const url = `http://127.0.0.1:${server.port}/2019/01/story/`;
    const file = path.join(root, "articles", "2019-01-31-story.md");
    try {
      assert.ok(await waitFor(async () => ((await fetch(url)).ok ? true : null), 10_000));
      const good = await readFile(file, "utf8");
      await writeFile(file, good.replace("date: 2019-01-31", "date: 31/01/2019 <b>"));
      const errorPage = await waitFor(async () => {
        const r = await fetch(url);
        const html = await r.text();
        return r.status === 500 ? html : null;
      }, 10_000);
      assert.ok(errorPage, `an error page (log: ${lines.join(" | ")})`);
      assert.match(errorPage ?? "", "articles/2019-01-31-story.md:3 error front-matter/bad-date");
      assert.match(errorPage ?? "", "31/01/2019 &#60;b&#62;");
      assert.ok(
        lines.some((l) => l.includes("articles/2019-01-31-story.md:3 error")),
        "and in the terminal",
      );
      await writeFile(file, good.replace("title: Story", "title: Fixed"));
      const fixed = await waitFor(async () => {
        const r = await fetch(url);
        const html = await r.text();
        return r.status === 200 && html.includes("Fixed") ? html : null;
      }, 10_000);
      assert.ok(fixed, `the page is back once fixed (log: ${lines.join(" | ")})`);
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  },
);

dev.run();

const paths = suite("checkRequestPath");

paths("accepts ordinary and percent-encoded Unicode paths", () => {
  for (const target of ["/", "/2019/01/story/", "/tags/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86/?x=%", "/a.b/c..d/"])
    assert.is(checkRequestPath(target), null, target);
});

paths("refuses bad percent-encoding, control characters, backslashes and dot segments", () => {
  const cases: [string, string][] = [
    ["/%E0%A4%A", "percent-encoding"],
    ["/%00", "control character"],
    ["/x%0Ay", "control character"],
    ["/%5C..", "backslash"],
    ["/../x", ". or .."],
    ["/a/%2E%2E/b", ". or .."],
    ["/./", ". or .."],
    ["*", "start with /"],
    ["http://evil.test/", "start with /"],
  ];
  for (const [target, reason] of cases) assert.match(checkRequestPath(target) ?? "", reason, target);
});

paths.run();

const errors = suite("errorPage");

errors("lists the errors, escaped, and refreshes itself", () => {
  const html = errorPage('articles/x.md:3 error front-matter/bad-date: date "<b>" is not a date');
  assert.match(html, '<meta http-equiv="refresh" content="1">');
  assert.match(html, "articles/x.md:3 error front-matter/bad-date: date &#34;&#60;b&#62;&#34; is not a date");
  assert.not.match(html, "<b>");
});

errors.run();

const gone = suite("goneArticleUrls");

gone("the article pages the new model no longer has", () => {
  const site = (urls: string[]) =>
    ({ model: { articlePages: urls.map((url) => ({ article: { url } })) } }) as unknown as Parameters<
      typeof goneArticleUrls
    >[0];
  assert.equal(
    goneArticleUrls(
      site(["/2019/01/a/", "/2019/01/b/", "/2019/01/c/"]),
      site(["/2019/01/a/", "/2019/02/c/"]),
    ),
    ["/2019/01/b/", "/2019/01/c/"],
  );
  assert.equal(goneArticleUrls(site(["/2019/01/a/"]), site(["/2019/01/a/"])), []);
});

gone.run();
