import { cp, mkdtemp, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type BuildOptions, buildSite } from "../../src/build/build-site.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { TEMPLATES_DIR } from "../../src/shared/package-root.ts";
import { articleText, fixtureConfig, makeFixtureSite, readTree } from "./fixture-site.ts";

const NOW = new Date("2020-01-01T00:00:00Z");

function articles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 9; i++) {
    const day = String(i).padStart(2, "0");
    files[`2019-03-${day}-story-${i}.md`] = articleText(
      {
        title: `"Story ${i}"`,
        date: `2019-0${1 + (i % 3)}-${day}`,
        source: i % 2 ? "Iran Focus" : "Asharq Al-Awsat",
        tags: i % 3 ? "[Iran, Oil]" : "[Sanctions]",
      },
      `Paragraph ${i} of the story.\n\nA second paragraph with [a link](/archive/).`,
    );
  }
  return files;
}

interface Site {
  root: string;
  templates: string;
  build(options?: Partial<BuildOptions>): Promise<Map<string, string>>;
  clean(): Promise<Map<string, string>>;
}

/** A fixture site with its own copy of the templates, built incrementally and, to compare, from scratch. */
async function makeSite(): Promise<Site> {
  const root = await makeFixtureSite(fixtureConfig({ perPage: 2 }), articles());
  const templates = await mkdtemp(path.join(os.tmpdir(), "gazette-templates-"));
  await cp(TEMPLATES_DIR, templates, { recursive: true });
  const run = async (options: Partial<BuildOptions>): Promise<Map<string, string>> => {
    const result = await buildSite({
      root,
      now: NOW,
      templatesDir: templates,
      workerThreshold: 1,
      ...options,
    });
    assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
    return readTree(result.outDir);
  };
  return {
    root,
    templates,
    build: (options = {}) => run(options),
    clean: () =>
      run({
        clean: true,
        outDir: path.join(root, "clean"),
        cacheDir: path.join(root, "clean-cache"),
        jobs: 1,
      }),
  };
}

async function remove(site: Site): Promise<void> {
  await rm(site.root, { recursive: true, force: true });
  await rm(site.templates, { recursive: true, force: true });
}

function assertSameTree(actual: Map<string, string>, expected: Map<string, string>, step: string): void {
  assert.equal([...actual.keys()], [...expected.keys()], `${step}: the same files`);
  for (const [file, text] of expected) assert.ok(actual.get(file) === text, `${step}: ${file} differs`);
}

const mtime = async (site: Site, file: string): Promise<number> =>
  (await stat(path.join(site.root, "_site", file))).mtimeMs;

const incremental = suite("buildSite (incremental)");

incremental("equals a clean build after every kind of edit, and rewrites only what changed", async () => {
  const site = await makeSite();
  const article = (name: string) => path.join(site.root, "articles", name);
  assertSameTree(await site.build({ jobs: 2 }), await site.clean(), "first build");
  // Pages that show nothing of the articles: no edit of an article may rewrite them.
  const untouched = ["404.html", "robots.txt", "style.css"];
  const before = await Promise.all(untouched.map((f) => mtime(site, f)));
  await new Promise((resolve) => setTimeout(resolve, 20));

  const steps: [string, () => Promise<void>][] = [
    [
      "adding an article",
      () =>
        writeFile(
          article("2019-04-01-added.md"),
          articleText({ title: "Added", date: "2019-04-01", tags: "[Iran, New tag]" }, "A new story."),
        ),
    ],
    [
      "editing an article's body",
      async () => {
        const file = article("2019-03-02-story-2.md");
        await writeFile(file, (await readFile(file, "utf8")).replace("Paragraph 2", "An edited paragraph 2"));
      },
    ],
    [
      "retagging an article",
      async () => {
        const file = article("2019-03-04-story-4.md");
        await writeFile(file, (await readFile(file, "utf8")).replace("[Iran, Oil]", "[Weather]"));
      },
    ],
    [
      "re-dating an article",
      async () => {
        const file = article("2019-03-07-story-7.md");
        await writeFile(file, (await readFile(file, "utf8")).replace(/^date: .*$/m, "date: 2018-12-24"));
      },
    ],
    ["deleting an article", () => unlink(article("2019-03-08-story-8.md"))],
    [
      "respelling a tag by outnumbering it",
      async () => {
        for (const n of [1, 2, 3, 4, 5, 6, 7])
          await writeFile(
            article(`2019-05-0${n}-oil-${n}.md`),
            articleText({ title: `Oil ${n}`, date: `2019-05-0${n}`, tags: "[OIL]" }, `Oil story ${n}.`),
          );
      },
    ],
    [
      "editing a template",
      async () => {
        const file = path.join(site.templates, "partials", "article-page.njk");
        await writeFile(file, (await readFile(file, "utf8")).replace("<h1>", '<h1 class="edited">'));
      },
    ],
    [
      "editing a partial that the listings include",
      async () => {
        const file = path.join(site.templates, "partials", "article-card.njk");
        await writeFile(file, (await readFile(file, "utf8")).replace('class="card', 'class="edited card'));
      },
    ],
    [
      "editing the base layout",
      async () => {
        const file = path.join(site.templates, "layouts", "base.njk");
        await writeFile(file, (await readFile(file, "utf8")).replace("<body", '<body data-edited="1"'));
      },
    ],
    [
      "editing the configuration",
      async () => {
        const file = path.join(site.root, "gazette.config.yaml");
        await writeFile(file, (await readFile(file, "utf8")).replace("Fixture Gazette", "Renamed Gazette"));
      },
    ],
  ];
  for (const [index, [step, edit]] of steps.entries()) {
    await edit();
    // Workers for some steps, this thread for others: both paths must give the clean build's bytes.
    assertSameTree(await site.build({ jobs: index % 2 === 1 ? 2 : 1 }), await site.clean(), step);
    if (step.includes("article")) {
      const after = await Promise.all(untouched.map((f) => mtime(site, f)));
      assert.equal(after, before, `${step}: pages that show no article keep their modification time`);
    }
  }
  const tree = await readTree(path.join(site.root, "_site"));
  assert.not.ok(tree.has("2019/03/story-8/index.html"), "the deleted article's page is gone");
  assert.match(tree.get("2019/02/story-1/index.html") ?? "", /<h1 class="edited">/);
  assert.match(
    tree.get("2019/02/story-1/index.html") ?? "",
    />OIL</,
    "an untouched article shows the new spelling",
  );
  await remove(site);
});

incremental("a rebuild with nothing changed writes nothing and keeps every modification time", async () => {
  const site = await makeSite();
  await site.build({ jobs: 1 });
  const files = [...(await readTree(path.join(site.root, "_site"))).keys()];
  const before = await Promise.all(files.map((f) => mtime(site, f)));
  const result = await buildSite({ root: site.root, now: NOW, templatesDir: site.templates, jobs: 1 });
  assert.is(result.written, 0);
  assert.is(result.kept, files.length);
  assert.equal(await Promise.all(files.map((f) => mtime(site, f))), before);
  await remove(site);
});

incremental("keeps the search bundle when pages change outside what is indexed, and only then", async () => {
  const site = await makeSite();
  await site.build({ jobs: 1 });
  const bundle = [...(await readTree(path.join(site.root, "_site"))).keys()].filter((f) =>
    f.startsWith("pagefind/"),
  );
  assert.ok(bundle.length > 3);
  const times = () => Promise.all(bundle.map((f) => mtime(site, f)));
  const before = await times();
  await new Promise((resolve) => setTimeout(resolve, 20));
  // An edit after the article element (as the benchmark's template edit): every article page changes.
  const template = path.join(site.templates, "partials", "article-page.njk");
  await writeFile(template, `${await readFile(template, "utf8")}<!-- edited -->\n`);
  const outside = await site.build({ jobs: 1 });
  assert.match(outside.get("2019/02/story-1/index.html") ?? "", "<!-- edited -->");
  assert.equal(await times(), before, "the bundle is kept, not written again");
  assertSameTree(outside, await site.clean(), "an edit outside the article");
  // A manifest without the indexed parts' hashes (an older build's): the pages are compared by reading them.
  const manifestFile = path.join(site.root, ".gazette-cache", "manifest.json");
  const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
  let stripped = 0;
  for (const record of Object.values(manifest.outputs) as { indexed?: string }[])
    if (record.indexed !== undefined) {
      delete record.indexed;
      stripped++;
    }
  assert.ok(stripped >= 9, "article pages record their indexed part's hash");
  await writeFile(manifestFile, JSON.stringify(manifest));
  await writeFile(template, `${await readFile(template, "utf8")}<!-- edited again -->\n`);
  const again = await site.build({ jobs: 1 });
  assert.equal(await times(), before, "the bundle is kept: pages compared from their files");
  assertSameTree(again, await site.clean(), "an edit outside the article, an older manifest");
  // Words added inside it change the records: the index is made again, and equals a clean build's.
  await writeFile(template, (await readFile(template, "utf8")).replace("<h1>", "<h1>Breaking: "));
  const inside = await site.build({ jobs: 1 });
  assertSameTree(inside, await site.clean(), "an edit inside the article");
  const fragments = (tree: Map<string, string>) =>
    [...tree.keys()].filter((f) => f.startsWith("pagefind/fragment/")).sort();
  assert.not.equal(fragments(inside), fragments(outside), "new fragments: the bundle is made again");
  await remove(site);
});

incremental("a template edit renders again only the pages that used the template, and no feed", async () => {
  const site = await makeSite();
  const first = await site.build({ jobs: 1 });
  const articlePages = [...first.keys()].filter((f) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f));
  const edit = async (file: string, from: string, to: string) => {
    const target = path.join(site.templates, file);
    const text = await readFile(target, "utf8");
    assert.ok(text.includes(from), `${file} has ${from}`);
    await writeFile(target, text.replace(from, to));
  };
  const rebuild = () => buildSite({ root: site.root, now: NOW, templatesDir: site.templates, jobs: 1 });

  await edit("partials/article-page.njk", "<h1>", '<h1 class="edited">');
  const articleEdit = await rebuild();
  assert.equal(articleEdit.rendered, { pages: articlePages.length, feeds: 0 });
  assert.is(articleEdit.written, articlePages.length, "only the article pages changed");

  await edit("layouts/base.njk", "<body", '<body data-edited="1"');
  const layoutEdit = await rebuild();
  const pages = [...first.keys()].filter((f) => /\.html$/.test(f) && !f.startsWith("pagefind/"));
  assert.ok(layoutEdit.rendered.pages >= pages.length, "every page uses the layout");
  assert.is(layoutEdit.rendered.feeds, 0, "feeds do not come from templates");

  const unchanged = await rebuild();
  assert.equal(unchanged.rendered, { pages: 0, feeds: 0 }, "nothing changed: nothing rendered");
  assertSameTree(await readTree(path.join(site.root, "_site")), await site.clean(), "after the edits");
  await remove(site);
});

incremental("rebuilds a page whose file was changed or removed by hand", async () => {
  const site = await makeSite();
  const first = await site.build({ jobs: 1 });
  await writeFile(path.join(site.root, "_site", "index.html"), "tampered");
  await unlink(path.join(site.root, "_site", "tags", "index.html"));
  assertSameTree(await site.build({ jobs: 1 }), first, "after tampering");
  await remove(site);
});

incremental("--clean renders everything again, with the same bytes", async () => {
  const site = await makeSite();
  const first = await site.build({ jobs: 1 });
  const result = await buildSite({
    root: site.root,
    now: NOW,
    templatesDir: site.templates,
    jobs: 1,
    clean: true,
  });
  assert.is(result.kept, 0);
  assertSameTree(await readTree(result.outDir), first, "clean");
  await remove(site);
});

incremental.run();

const parallel = suite("buildSite (workers)");

parallel("renders the same bytes with one, two and three workers", async () => {
  const site = await makeSite();
  const serial = await site.build({ jobs: 1, clean: true, outDir: path.join(site.root, "serial") });
  for (const jobs of [2, 3]) {
    const tree = await site.build({ jobs, clean: true, outDir: path.join(site.root, `jobs-${jobs}`) });
    assertSameTree(tree, serial, `${jobs} workers`);
  }
  await remove(site);
});

parallel.run();
