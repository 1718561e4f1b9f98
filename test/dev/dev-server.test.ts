import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startDevServer } from "../../src/dev/dev-server.ts";
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
  const port = 18_000 + Math.floor(Math.random() * 2_000);
  const lines: string[] = [];
  const server = await startDevServer({
    root,
    outDir: path.join(root, "_site"),
    port,
    log: (line) => lines.push(line),
  });
  try {
    const url = `http://localhost:${port}/2019/01/story/`;
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

dev.run();
