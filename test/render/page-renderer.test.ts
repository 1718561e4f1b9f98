import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import { createPageRenderer, createTemplateHasher } from "../../src/render/page-renderer.ts";
import { planPages } from "../../src/render/plan-pages.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { TEMPLATES_DIR } from "../../src/shared/package-root.ts";
import { renderWithEleventy } from "../../src/site/eleventy-batches.ts";
import { loadSiteData, makeSiteData } from "../../src/site/load-site-data.ts";
import {
  articleText,
  fixtureConfig,
  makeFixtureSite,
  readTree,
  writeFixtureImage,
} from "../build/fixture-site.ts";
import { makeArticle, makeConfig } from "../factories.ts";

const NOW = new Date("2020-01-01T00:00:00Z");

const renderer = suite("createPageRenderer");

renderer("renders every page byte for byte as the Eleventy adapter does", async () => {
  const root = await makeFixtureSite(fixtureConfig({ url: "https://example.org/digest/", perPage: 2 }), {
    "2019-01-31-late.md": articleText(
      {
        title: '"Late <b>night</b> & co"',
        date: "2019-01-30T21:00:00Z",
        source: "Iran Focus",
        tags: "[Iran, Oil]",
      },
      "First paragraph with [a link](/2019/01/early/).\n\n> A quote.\n\n- one\n- two",
    ),
    "2019-01-30-early.md": articleText({
      title: "Early",
      date: "2019-01-30",
      byline: "Jane Doe",
      dateline: "London, 30 Jan",
      image: "/images/x.jpg",
      image_alt: "An image",
      caption: "A caption",
      tags: "[Oil]",
    }),
    "2019-01-29-other.md": articleText({ title: "Other", date: "2019-01-29", updated: "2019-02-01" }),
  });
  await writeFixtureImage(root, "images/x.jpg", 900, 600);
  const eleventyOut = await mkdtemp(path.join(os.tmpdir(), "gazette-eleventy-"));
  const loaded = await loadSiteData({ root, now: NOW });
  assert.ok(loaded.data, loaded.diagnostics.map(formatDiagnostic).join("\n"));
  if (!loaded.data) return;
  await renderWithEleventy(root, eleventyOut, { data: loaded.data });
  const result = await buildSite({ root, now: NOW, jobs: 1 });
  const ours = await readTree(result.outDir);
  const theirs = await readTree(eleventyOut);
  assert.ok(theirs.size > 15, `Eleventy rendered the site (${theirs.size} files)`);
  for (const [file, text] of theirs) assert.ok(ours.get(file) === text, `${file} differs from Eleventy's`);
  await rm(root, { recursive: true, force: true });
  await rm(eleventyOut, { recursive: true, force: true });
});

renderer("records every template a render used: the page, its layouts and its includes", async () => {
  const templates = await mkdtemp(path.join(os.tmpdir(), "gazette-used-"));
  await mkdir(path.join(templates, "pages"));
  await mkdir(path.join(templates, "layouts"));
  await mkdir(path.join(templates, "partials"));
  await writeFile(
    path.join(templates, "pages", "one.njk"),
    '---\nlayout: outer.njk\npermalink: /one/\n---\n{% include "card.njk" %}{% if gazette.extra %}{% include gazette.extra %}{% endif %}',
  );
  await writeFile(path.join(templates, "layouts", "outer.njk"), "<main>{{ content | safe }}</main>");
  await writeFile(path.join(templates, "partials", "card.njk"), "card");
  await writeFile(path.join(templates, "partials", "extra.njk"), "extra");
  const config = makeConfig();
  const page = createPageRenderer({ templatesDir: templates, config });
  const [one] = planPages(page.templates, { gazette: {} });
  assert.ok(one);
  if (!one) return;
  const used = new Set<string>();
  assert.is(page.render(one, { gazette: {} }, used), "<main>card</main>");
  assert.equal([...used].sort(), ["include:card.njk", "layouts/outer.njk", "pages/one.njk"]);
  // An include chosen by the data is recorded when it is taken.
  const more = new Set<string>();
  assert.is(page.render(one, { gazette: { extra: "extra.njk" } }, more), "<main>cardextra</main>");
  assert.ok(more.has("include:extra.njk"));

  const hash = createTemplateHasher(templates, (text) => `#${text}`);
  assert.is(hash("include:card.njk"), "#card");
  assert.is(hash("layouts/outer.njk"), "#<main>{{ content | safe }}</main>");
  assert.is(hash("include:missing.njk"), "-", "a missing template hashes as missing");
  await rm(templates, { recursive: true, force: true });
});

renderer.run();

const plan = suite("planPages");

plan("plans one page per paginated item, with its permalink, leaving computed values for render time", () => {
  const articles = [
    makeArticle({ title: "One" }),
    makeArticle({ title: "Two", date: new Date("2019-01-01") }),
  ];
  const data = makeSiteData(makeConfig(), articles);
  const page = createPageRenderer({ templatesDir: TEMPLATES_DIR, config: data.config });
  const pages = planPages(page.templates, { gazette: data });
  const articlePages = pages.filter((p) => p.template === "article.njk");
  assert.equal(
    articlePages.map((p) => [p.url, p.outputPath, p.data.entry]),
    data.model.articlePages.map((e) => [e.article.url, `${e.article.url.slice(1)}index.html`, e]),
  );
  const first = articlePages[0];
  const title = first?.computed.title;
  assert.is(
    typeof title === "function" && title({ ...first?.data }),
    data.model.articlePages[0]?.article.title,
  );
  assert.ok(pages.some((p) => p.outputPath === "404.html" && p.url === "/404.html"));
});

plan.run();
