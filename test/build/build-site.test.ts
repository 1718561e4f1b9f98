import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import { startRenderThreads } from "../../src/build/render-threads.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { articleText, fixtureConfig, makeFixtureSite, readTree, writeFixtureImage } from "./fixture-site.ts";

const NOW = new Date("2020-01-01T00:00:00Z");

const articles = {
  // 31 January in Tehran (UTC+3:30), though still the 30th in UTC.
  "2019-01-31-late-night.md": articleText(
    {
      title: '"Late night in Tehran"',
      date: "2019-01-30T21:00:00Z",
      source: "Iran Focus",
      tags: "[Iran, Sanctions]",
    },
    "First paragraph.\n\nSecond paragraph with [a link](/2019/01/evening/).",
  ),
  "2019-01-30-evening.md": articleText({
    title: "Evening",
    date: "2019-01-30T20:00:00Z",
    source: "Iran Focus",
    tags: "[SANCTIONS, Oil]",
  }),
  "2019-01-29-escape.md": articleText({
    title: `'<script>alert(1)</script> & "quotes"'`,
    date: "2019-01-29",
    source: "Asharq Al-Awsat",
    attribution: '"<b>Asharq</b> & Co"',
    tags: '"sanctions , Russia"',
  }),
  "2019-01-28-unrelated.md": articleText({ title: "Unrelated", date: "2019-01-28", tags: "[Weather]" }),
  "2019-01-27-oldest.md": articleText({ title: "Oldest", date: "2019-01-27", tags: "[Oil]" }),
  "2019-01-26-draft.md": articleText({ title: "Draft", date: "2019-01-26", draft: "true", tags: "[Secret]" }),
};

const build = suite("buildSite");

build("builds every page, grouping by day in the site's time zone", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const result = await buildSite({ root, now: NOW });
  assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
  const tree = await readTree(result.outDir);
  const home = tree.get("index.html") ?? "";
  // The newest article leads the home page; the rest are grouped under their day.
  assert.match(home, /<h2 class="lead-title" id="lead-title"><a href="\/2019\/01\/late-night\/">/);
  assert.not.match(home, /id="day-2019-01-31"/);
  assert.match(
    home,
    /<h2 class="day-label" id="day-2019-01-30"><time datetime="2019-01-30">Wednesday, 30 January 2019<\/time><\/h2>/,
  );
  const page2 = tree.get("page/2/index.html") ?? "";
  assert.match(page2, /<h2 class="day-label" id="day-2019-01-29">/);
  assert.ok(tree.has("2019/01/late-night/index.html"), "the article URL uses the Tehran month and day");
  assert.match(tree.get("2019/01/late-night/index.html") ?? "", /datetime="2019-01-31T00:30:00\+03:30"/);
  await rm(root, { recursive: true, force: true });
});

build("paginates the home page with previous and next links", async () => {
  const root = await makeFixtureSite(fixtureConfig({ perPage: 2 }), articles);
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  assert.ok(tree.has("page/2/index.html"));
  assert.ok(tree.has("page/3/index.html"));
  assert.not.ok(tree.has("page/4/index.html"), "5 published articles at 2 a page make 3 pages");
  const second = tree.get("page/2/index.html") ?? "";
  assert.match(second, /<a href="\/" rel="prev">/);
  assert.match(second, /<a href="\/page\/3\/" rel="next">/);
  assert.match(second, /Page 2 of 3/);
  await rm(root, { recursive: true, force: true });
});

build("merges tags that differ only in case into one page, and leaves out drafts", async () => {
  const root = await makeFixtureSite(fixtureConfig({ perPage: 10 }), articles);
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  const sanctions = tree.get("tags/sanctions/index.html") ?? "";
  for (const title of ["Late night in Tehran", "Evening", "&lt;script&gt;alert(1)&lt;/script&gt;"]) {
    assert.ok(sanctions.includes(title), `tag page lists ${title}`);
  }
  assert.not.ok(
    [...tree.keys()].some((f) => /draft|secret/i.test(f)),
    "no page for a draft or a draft-only tag",
  );
  assert.not.ok(
    [...tree.values()].some((html) => html.includes(">Draft<")),
    "drafts appear nowhere",
  );
  // Three spellings, one use each: the oldest article's ("sanctions", 29 January) is the one shown.
  assert.match(tree.get("tags/index.html") ?? "", /sanctions<\/a> <span class="count">\(3 articles\)/);
  await rm(root, { recursive: true, force: true });
});

build(
  "one spelling of a tag and a source everywhere: cards, tag and source pages, article pages, feeds",
  async () => {
    const site = {
      "2019-01-10-first.md": articleText({
        title: "First",
        date: "2019-01-10",
        source: "iran focus",
        tags: "[oil]",
      }),
      "2019-01-11-second.md": articleText({
        title: "Second",
        date: "2019-01-11",
        source: "Iran Focus",
        tags: "[Oil]",
      }),
      "2019-01-12-third.md": articleText({
        title: "Third",
        date: "2019-01-12",
        source: "Iran Focus",
        tags: "[OIL]",
      }),
    };
    const root = await makeFixtureSite(fixtureConfig({ perPage: 10 }), site);
    const result = await buildSite({ root, now: NOW });
    assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
    const tree = await readTree(result.outDir);
    // "oil" (oldest) ties with "Oil" and "OIL" at one use each: the oldest spelling wins. "Iran Focus" is used twice.
    const pages = [
      "index.html",
      "tags/index.html",
      "tags/oil/index.html",
      "sources/iran-focus/index.html",
      "2019/01/third/index.html",
      "feed.xml",
      "atom.xml",
      "feed.json",
    ];
    for (const page of pages) {
      const text = tree.get(page) ?? "";
      assert.ok(text !== "", `${page} was built`);
      assert.not.match(text, /\bOil\b|\bOIL\b/, `${page} has another spelling of the tag`);
      assert.not.match(text, /iran focus/, `${page} has another spelling of the source`);
    }
    assert.match(tree.get("index.html") ?? "", ">oil<");
    assert.match(tree.get("index.html") ?? "", "Iran Focus");
    assert.match(tree.get("tags/oil/index.html") ?? "", ">oil<");
    await rm(root, { recursive: true, force: true });
  },
);

build("shows related articles by shared tags, then nearest date", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const { outDir } = await buildSite({ root, now: NOW });
  const page = await readFile(path.join(outDir, "2019/01/evening/index.html"), "utf8");
  const related = page.slice(page.indexOf('id="related-title"'));
  const [first = -1, second = -1, third = -1] = ["late-night", "escape", "oldest"].map((slug) =>
    related.indexOf(`/2019/01/${slug}/`),
  );
  assert.ok(first > 0 && second > 0 && third > 0, "three related articles");
  assert.ok(first < second && second < third, "one shared tag each, so nearest date first");
  assert.not.ok(related.includes("/2019/01/unrelated/"), "no shared tag, not related");
  await rm(root, { recursive: true, force: true });
});

build("escapes a title with markup everywhere it appears", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  for (const [file, html] of tree) {
    if (!file.endsWith(".html")) continue;
    assert.not.ok(html.includes("<script>alert"), `${file} has no live script`);
  }
  const page = tree.get("2019/01/escape/index.html") ?? "";
  assert.match(page, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;<\/h1>/);
  // The importer's attribution line ("Source: …") is front matter the page shows, escaped.
  assert.match(page, /<p class="attribution">Source: &lt;b&gt;Asharq&lt;\/b&gt; &amp; Co<\/p>/);
  assert.match(
    page,
    /"headline":"\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e \\u0026 \\"quotes\\""/,
  );
  await rm(root, { recursive: true, force: true });
});

build("puts the path prefix on every link and asset", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const { outDir } = await buildSite({ root, now: NOW, url: "https://example.org/digest/" });
  const tree = await readTree(outDir);
  for (const [file, html] of tree) {
    if (!file.endsWith(".html")) continue;
    const links = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1] ?? "");
    for (const link of links) assert.ok(link.startsWith("/digest/"), `${file}: ${link} lacks the prefix`);
  }
  assert.match(tree.get("index.html") ?? "", /href="\/digest\/style.css"/);
  assert.match(tree.get("index.html") ?? "", /<link rel="canonical" href="https:\/\/example.org\/digest\/">/);
  assert.match(
    tree.get("sitemap.xml") ?? "",
    /<loc>https:\/\/example.org\/digest\/2019\/01\/evening\/<\/loc>/,
  );
  assert.match(tree.get("robots.txt") ?? "", /Sitemap: https:\/\/example.org\/digest\/sitemap.xml/);
  await rm(root, { recursive: true, force: true });
});

build("gives byte-identical output for the same input", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const first = await readTree((await buildSite({ root, now: NOW, outDir: path.join(root, "a") })).outDir);
  const second = await readTree((await buildSite({ root, now: NOW, outDir: path.join(root, "b") })).outDir);
  assert.equal([...first.keys()], [...second.keys()]);
  for (const [file, text] of first) assert.ok(second.get(file) === text, `${file} differs between builds`);
  await rm(root, { recursive: true, force: true });
});

build(
  "renders with worker threads started before it, the same bytes, and ends them used or not",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), articles);
    const expected = await readTree(
      (
        await buildSite({
          root,
          now: NOW,
          jobs: 1,
          outDir: path.join(root, "one"),
          cacheDir: path.join(root, "c1"),
        })
      ).outDir,
    );
    const exits = (threads: ReturnType<typeof startRenderThreads>): Promise<number[]> =>
      Promise.all(threads.map((thread) => new Promise<number>((resolve) => thread.on("exit", resolve))));
    for (const step of ["cold", "warm: nothing to render"]) {
      const threads = startRenderThreads(2);
      const ended = exits(threads);
      const result = await buildSite({ root, now: NOW, jobs: 2, workerThreshold: 1, threads });
      assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
      const built = await readTree(result.outDir);
      assert.equal([...built.keys()], [...expected.keys()], step);
      for (const [file, text] of expected) assert.ok(built.get(file) === text, `${step}: ${file} differs`);
      assert.is((await ended).length, 2, step);
    }
    await rm(root, { recursive: true, force: true });
  },
);

build("fails on a bad date and leaves the previous output as it was", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const good = await buildSite({ root, now: NOW });
  const before = await readTree(good.outDir);
  await writeFile(
    path.join(root, "articles", "2019-01-31-bad.md"),
    articleText({ title: "Bad", date: "31/01/2019" }),
  );
  const bad = await buildSite({ root, now: NOW });
  assert.not.ok(bad.ok);
  assert.equal(bad.diagnostics.map(formatDiagnostic), [
    'articles/2019-01-31-bad.md:3 error front-matter/bad-date: date "31/01/2019" is not a date (expected YYYY-MM-DD or an ISO date-time such as 2019-01-31T09:30:00+01:00)',
  ]);
  const after = await readTree(good.outDir);
  assert.equal([...after.entries()], [...before.entries()]);
  await rm(root, { recursive: true, force: true });
});

build("drops a deleted article from the next build", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  await buildSite({ root, now: NOW });
  await rm(path.join(root, "articles", "2019-01-28-unrelated.md"));
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  assert.not.ok(tree.has("2019/01/unrelated/index.html"));
  assert.not.ok(tree.has("tags/weather/index.html"));
  await rm(root, { recursive: true, force: true });
});

build("every article page with a source_url links to the original and says where it is from", async () => {
  const root = await makeFixtureSite(`${fixtureConfig()}original_nofollow: true\n`, {
    "2019-01-31-named.md": articleText({
      title: "Named",
      date: "2019-01-31",
      source: "Iran Focus",
      source_url: '"https://www.iranfocus.com/en/a?x=1&y=2"',
      byline: "Jane Doe",
    }),
    "2019-01-30-hosted.md": articleText({
      title: "Hosted",
      date: "2019-01-30",
      source_url: "https://news.example.net/story",
    }),
    "2019-01-29-bare.md": articleText({ title: "Bare", date: "2019-01-29", source: "Asharq Al-Awsat" }),
  });
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  const named = tree.get("2019/01/named/index.html") ?? "";
  const link =
    '<a href="https://www.iranfocus.com/en/a?x=1&amp;y=2" rel="external noopener nofollow">Read the original at Iran Focus <span aria-hidden="true">→</span></a>';
  assert.match(named, `<p class="original" data-pagefind-ignore>${link}</p>`);
  assert.match(
    named,
    /Written by Jane Doe and first published\s+by <a href="\/sources\/iran-focus\/">Iran Focus<\/a>/,
  );
  const hosted = tree.get("2019/01/hosted/index.html") ?? "";
  assert.match(hosted, "Read the original at news.example.net <span");
  assert.match(hosted, /First published\s+at news.example.net/);
  const bare = tree.get("2019/01/bare/index.html") ?? "";
  assert.not.match(bare, "Read the original");
  assert.match(bare, /First published\s+by <a href="\/sources\/asharq-al-awsat\/">Asharq Al-Awsat<\/a>/);
  // Listings say where each story is from and link the name to its source page.
  const home = tree.get("index.html") ?? "";
  assert.match(
    home,
    '<span class="visually-hidden">From </span><a href="/sources/iran-focus/">Iran Focus</a>',
  );
  await rm(root, { recursive: true, force: true });
});

build("the brand: accent colours, the name in the masthead, a drawn favicon", async () => {
  const root = await makeFixtureSite(
    `${fixtureConfig()}brand:\n  logo_text: The <Daily>\n  accent: "#0b5394"\n`,
    { "2019-01-31-one.md": articleText({ title: "One", date: "2019-01-31" }) },
  );
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  const home = tree.get("index.html") ?? "";
  assert.match(home, ":root{--accent:#0b5394}");
  assert.match(home, "prefers-color-scheme:dark){:root{--accent:#1c8aee}}");
  assert.match(home, '<p class="site-title"><a href="/">The &lt;Daily&gt;</a></p>');
  assert.match(home, '<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  const icon = tree.get("favicon.svg") ?? "";
  assert.match(icon, 'fill="#0b5394"');
  assert.match(icon, ">T</text>");
  await rm(root, { recursive: true, force: true });
});

build(
  "an image under images/: copied, sized, in modern formats, in cards, link previews and every feed",
  async () => {
    const root = await makeFixtureSite(fixtureConfig({ perPage: 5 }), {
      "2019-01-31-pictured.md": articleText({
        title: "Pictured",
        date: "2019-01-31",
        image: "/images/harbour.jpg",
        image_alt: "A harbour at dusk",
        caption: "The harbour",
      }),
      "2019-01-30-older.md": articleText({
        title: "Older",
        date: "2019-01-30",
        image: "/images/harbour.jpg",
        image_alt: "The same harbour",
      }),
    });
    await writeFixtureImage(root, "images/harbour.jpg", 1600, 900);
    const result = await buildSite({ root, now: NOW, url: "https://example.org/digest/", jobs: 1 });
    assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
    const { outDir } = result;
    const tree = await readTree(outDir);
    for (const file of [
      "harbour.jpg",
      "harbour-480.avif",
      "harbour-800.webp",
      "harbour-1200.jpg",
      "harbour-1600.jpg",
    ])
      assert.ok(tree.has(`images/${file}`), `images/${file} is in the output`);
    const page = tree.get("2019/01/pictured/index.html") ?? "";
    assert.match(
      page,
      '<source type="image/avif" srcset="/digest/images/harbour-480.avif 480w, /digest/images/harbour-800.avif 800w, /digest/images/harbour-1200.avif 1200w, /digest/images/harbour-1600.avif 1600w"',
    );
    assert.match(page, '<source type="image/webp" srcset="/digest/images/harbour-480.webp 480w,');
    assert.match(
      page,
      /<img src="\/digest\/images\/harbour-1200.jpg" srcset="[^"]+" sizes="[^"]+" alt="A harbour at dusk" width="1600" height="900" decoding="async">/,
    );
    assert.match(page, "<figcaption>The harbour</figcaption>");
    assert.match(
      page,
      '<meta property="og:image" content="https://example.org/digest/images/harbour-1200.jpg">',
    );
    assert.match(
      page,
      '<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="675">',
    );
    assert.match(page, '<meta name="twitter:card" content="summary_large_image">');
    // The home page: the lead's image loads at once, the card's below it lazily, both sized.
    const home = tree.get("index.html") ?? "";
    assert.match(home, /<div class="lead-image">[\s\S]*?width="1600" height="900" decoding="async">/);
    assert.match(
      home,
      /<div class="card-image">[\s\S]*?alt="The same harbour" width="1600" height="900" loading="lazy" decoding="async">/,
    );
    // Feeds: RSS enclosure with its real size and type, Atom enclosure link, JSON Feed image.
    const main = tree.get("images/harbour-1200.jpg") ?? "";
    const bytes = (await readFile(path.join(outDir, "images/harbour-1200.jpg"))).byteLength;
    assert.ok(main.length > 0);
    const rss = tree.get("feed.xml") ?? "";
    assert.match(
      rss,
      `<enclosure length="${bytes}" type="image/jpeg" url="https://example.org/digest/images/harbour-1200.jpg"/>`,
    );
    const atom = tree.get("atom.xml") ?? "";
    assert.match(
      atom,
      `<link rel="enclosure" href="https://example.org/digest/images/harbour-1200.jpg" type="image/jpeg" length="${bytes}"/>`,
    );
    const json = JSON.parse(tree.get("feed.json") ?? "{}") as { items: { image?: string }[] };
    assert.is(json.items[0]?.image, "https://example.org/digest/images/harbour-1200.jpg");
    await rm(root, { recursive: true, force: true });
  },
);

build("a missing image fails the build at its file and line, and the previous output stays", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-ok.md": articleText({ title: "Fine", date: "2019-01-31" }),
  });
  const first = await buildSite({ root, now: NOW, jobs: 1 });
  assert.ok(first.ok);
  const before = await readTree(first.outDir);
  await writeFile(
    path.join(root, "articles", "2019-01-30-broken.md"),
    articleText({ title: "Broken", date: "2019-01-30", image: "/images/khamenei.jpg", image_alt: "Someone" }),
  );
  const second = await buildSite({ root, now: NOW, jobs: 1 });
  assert.not.ok(second.ok);
  assert.equal(second.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic), [
    'articles/2019-01-30-broken.md:4 error image/missing: image "/images/khamenei.jpg" was not found (expected the file images/khamenei.jpg in the project)',
  ]);
  assert.equal(await readTree(first.outDir), before);
  await rm(root, { recursive: true, force: true });
});

build("a remote image stays as it is: linked, never fetched, in the page and the feeds", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-remote.md": articleText({
      title: "Remote",
      date: "2019-01-31",
      image: "https://cdn.example.net/photo.jpg",
      image_alt: "A photo",
    }),
  });
  const { outDir } = await buildSite({ root, now: NOW, jobs: 1 });
  const tree = await readTree(outDir);
  const page = tree.get("2019/01/remote/index.html") ?? "";
  assert.match(page, '<img src="https://cdn.example.net/photo.jpg" alt="A photo" decoding="async">');
  assert.match(
    tree.get("feed.xml") ?? "",
    '<enclosure length="0" type="image/jpeg" url="https://cdn.example.net/photo.jpg"/>',
  );
  assert.not.ok([...tree.keys()].some((f) => f.startsWith("images/")));
  await rm(root, { recursive: true, force: true });
});

build("keeps Unicode letters in tag and source slugs, percent-encoded in links", async () => {
  const root = await makeFixtureSite(fixtureConfig(), {
    "2019-01-31-überwachung-im-iran.md": articleText({
      title: "Überwachung",
      date: "2019-01-31",
      source: "Deutsche Welle",
      tags: "[Überwachung, ایران]",
    }),
  });
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  assert.ok(tree.has("2019/01/überwachung-im-iran/index.html"));
  assert.ok(tree.has("tags/überwachung/index.html"));
  assert.ok(tree.has("tags/ایران/index.html"));
  assert.ok(tree.has("tags/überwachung/feed.xml"));
  const home = tree.get("index.html") ?? "";
  assert.match(home, 'href="/2019/01/%C3%BCberwachung-im-iran/"');
  assert.match(home, 'href="/tags/%C3%BCberwachung/"');
  assert.match(home, 'href="/tags/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86/"');
  await rm(root, { recursive: true, force: true });
});

build("lists every page in the sitemap with its last change", async () => {
  const root = await makeFixtureSite(fixtureConfig(), articles);
  const { outDir } = await buildSite({ root, now: NOW });
  const tree = await readTree(outDir);
  const sitemap = tree.get("sitemap.xml") ?? "";
  const listed = [
    ...sitemap.matchAll(/<loc>https:\/\/example.org\/([^<]*)<\/loc><lastmod>([^<]+)<\/lastmod>/g),
  ];
  const pages = [...tree.keys()]
    .filter((f) => f.endsWith("index.html"))
    .map((f) => f.replace(/index\.html$/, ""))
    .sort();
  assert.equal(listed.map((m) => m[1]).sort(), pages);
  assert.ok(listed.every((m) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(m[2] ?? "")));
  assert.not.ok(sitemap.includes("404"), "the 404 page is not listed");
  await rm(root, { recursive: true, force: true });
});

build("marks article pages for the search index and builds the search page", async () => {
  const root = await makeFixtureSite(fixtureConfig({ url: "https://example.org/digest/" }), {
    ...articles,
    "2019-01-25-summary.md": articleText(
      { title: "Summarised", date: "2019-01-25", source: "Iran Focus", summary: "An editor's summary." },
      "The body opens differently.",
    ),
  });
  const result = await buildSite({ root, now: NOW });
  assert.ok(result.ok, result.diagnostics.map(formatDiagnostic).join("\n"));
  const tree = await readTree(result.outDir);
  const article = tree.get("2019/01/late-night/index.html") ?? "";
  // 21:00 UTC on 30 January is 31 January in Tehran: the year filter and sort key follow the instant.
  assert.match(
    article,
    /data-pagefind-body data-pagefind-sort="date:2019-01-30T21:00:00.000Z" data-pagefind-filter="year:2019"/,
  );
  assert.match(article, /data-pagefind-filter="source" data-pagefind-meta="source">Iran Focus</);
  assert.match(article, /data-pagefind-filter="tag">Iran</);
  assert.match(article, /data-pagefind-meta="date">31 January 2019</);
  assert.not.match(article, /class="standfirst"/, "a summary made from the body is not repeated");
  assert.match(
    tree.get("2019/01/summary/index.html") ?? "",
    /<p class="standfirst">An editor&#39;s summary.<\/p>/,
  );
  for (const listing of ["index.html", "tags/oil/index.html", "archive/2019/01/index.html"]) {
    assert.not.match(tree.get(listing) ?? "", /data-pagefind-body/, `${listing} is not indexed`);
    assert.match(
      tree.get(listing) ?? "",
      /<form class="site-search" action="\/digest\/search\/" method="get" role="search"/,
    );
    assert.not.match(
      tree.get(listing) ?? "",
      /<script(?! type="application\/ld\+json")/,
      `${listing} has no script`,
    );
  }
  const search = tree.get("search/index.html") ?? "";
  assert.match(search, /<form class="search-form" id="search-form" action="\/digest\/search\/" method="get"/);
  assert.match(search, /<input id="search-q" name="q" type="search"/);
  for (const link of ["/digest/tags/", "/digest/sources/", "/digest/archive/"])
    assert.ok(search.includes(`href="${link}"`));
  assert.match(search, /<script src="\/digest\/pagefind\/pagefind-ui.js"><\/script>/);
  assert.match(search, /data-base-url="\/digest\/"/);
  const entry = JSON.parse(tree.get("pagefind/pagefind-entry.json") ?? "{}") as {
    languages?: Record<string, { page_count: number }>;
  };
  assert.is(entry.languages?.en?.page_count, 6, "every published article, and nothing else");
  const scripts = [...tree.keys()].filter((f) => f.endsWith(".js"));
  assert.ok(scripts.length > 0 && scripts.every((f) => f.startsWith("pagefind/")), scripts.join(" "));
  await rm(root, { recursive: true, force: true });
});

build(
  "lists every feed on /feeds/, serves feeds without XSLT and keeps past archives byte-stable",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), {
      ...articles,
      "2019-06-10-june.md": articleText({ title: "June", date: "2019-06-10", tags: "[Oil]" }),
    });
    const first = await buildSite({ root, now: NOW });
    assert.ok(first.ok, first.diagnostics.map(formatDiagnostic).join("\n"));
    const before = await readTree(first.outDir);
    const feeds = before.get("feeds/index.html") ?? "";
    for (const url of [
      "https://example.org/feed.xml",
      "https://example.org/atom.xml",
      "https://example.org/feed.json",
      "https://example.org/newsletter/feed.xml",
      "https://example.org/tags/oil/atom.xml",
      "https://example.org/sources/iran-focus/feed.xml",
      "https://example.org/sources/asharq-al-awsat/atom.xml",
      "https://example.org/archive/2019/01/feed.xml",
    ]) {
      assert.ok(feeds.includes(`>${url}</a>`), `/feeds/ shows ${url}`);
      assert.ok(before.has(url.replace("https://example.org/", "")), `${url} is written`);
    }
    assert.ok(!before.has("feed.xsl"), "no XSLT stylesheet");
    for (const [file, text] of before) {
      if (file.endsWith(".xml")) assert.not.match(text, "xml-stylesheet", file);
      if (file.endsWith(".html"))
        assert.match(
          text,
          '<link rel="alternate" type="application/atom+xml" title="Fixture Gazette (Atom)" href="https://example.org/atom.xml">',
          file,
        );
    }
    assert.match(
      before.get("sources/iran-focus/index.html") ?? "",
      '<link rel="alternate" type="application/atom+xml" title="Fixture Gazette: Iran Focus (Atom)" href="https://example.org/sources/iran-focus/atom.xml">',
    );
    assert.match(
      before.get("archive/2019/01/index.html") ?? "",
      'href="https://example.org/archive/2019/01/atom.xml"',
    );

    const archives = (tree: Map<string, string>) =>
      [...tree.keys()].filter((f) => /^archive\/\d{4}\/\d{2}\/(feed|atom)\.xml$/.test(f)).sort();
    assert.equal(
      archives(before),
      [
        "archive/2019/01/atom.xml",
        "archive/2019/01/feed.xml",
        "archive/2019/06/atom.xml",
        "archive/2019/06/feed.xml",
      ],
      "an archive feed for each month with articles, none for the empty months up to the clock's",
    );
    assert.match(
      before.get("archive/2019/06/atom.xml") ?? "",
      '<link rel="prev-archive" href="https://example.org/archive/2019/01/atom.xml" type="application/atom+xml"/>',
    );

    // A new article in a later month, built a month later: January's archive feeds do not change by a
    // byte, and June's (the newest archive until then) gains only its next-archive link.
    await writeFile(
      path.join(root, "articles", "2020-02-03-later.md"),
      articleText({ title: "Later", date: "2020-02-03", tags: "[Oil]" }),
    );
    const second = await buildSite({ root, now: new Date("2020-03-01T00:00:00Z") });
    assert.ok(second.ok);
    const after = await readTree(second.outDir);
    for (const file of ["archive/2019/01/feed.xml", "archive/2019/01/atom.xml"])
      assert.is(after.get(file), before.get(file), `${file} is byte-stable`);
    const june = (tree: Map<string, string>) => (tree.get("archive/2019/06/atom.xml") ?? "").split("\n");
    assert.equal(
      june(after)
        .filter((line) => !june(before).includes(line))
        .map((line) => line.trim()),
      [
        '<link rel="next-archive" href="https://example.org/archive/2020/02/atom.xml" type="application/atom+xml"/>',
      ],
    );
    assert.equal(
      june(before).filter((line) => !june(after).includes(line)),
      [],
    );
    assert.equal(
      archives(after),
      [...archives(before), "archive/2020/02/atom.xml", "archive/2020/02/feed.xml"].sort(),
    );
    await rm(root, { recursive: true, force: true });
  },
);

build.run();
