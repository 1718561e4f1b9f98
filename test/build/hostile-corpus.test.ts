// A corpus of hostile and malformed article files, generated here, run through the build, the feeds and the
// newsletter. Each error case ends in a clear message at its file and line, a failed build and the previous
// output byte-identical; each case the build accepts (with a warning) leaves no live markup and no raw
// control character in any page, feed or email.
import { spawnSync } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import { runNewsletter } from "../../src/newsletter/run-newsletter.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { newsletterOptions, recorder } from "../newsletter/project.ts";
import { articleText, fixtureConfig, makeFixtureSite, readTree } from "./fixture-site.ts";

const NOW = new Date("2020-01-01T00:00:00Z");
const SCRIPT = fileURLToPath(new URL("../../scripts/build.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

const GOOD = { "2019-01-02-good.md": articleText({ title: "Good", date: "2019-01-02", tags: "[Iran]" }) };

/** A bomb of nested aliases: 9^7 values from 70 lines. */
const BOMB = [
  "title: Bomb",
  "date: 2019-01-03",
  "a: &a [x, x, x, x, x, x, x, x, x]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
  "tags: [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
].join("\n");

interface ErrorCase {
  name: string;
  file: string;
  text: string | Buffer;
  /** The message's `file:line severity code`, as printed. */
  expect: string;
}

/** Cases the build must refuse, with the line each message must name. */
const ERRORS: ErrorCase[] = [
  {
    name: "alias bomb",
    file: "2019-01-03-bomb.md",
    text: `---\n${BOMB}\n---\nBody.\n`,
    expect: ":5 error front-matter/yaml",
  },
  {
    name: "2,000-deep flow nesting",
    file: "2019-01-03-deep.md",
    text: `---\ntitle: Deep\ndate: 2019-01-03\ntags: ${"[".repeat(2000)}${"]".repeat(2000)}\n---\nBody.\n`,
    expect: ":4 error front-matter/yaml",
  },
  {
    name: "2,000-deep block nesting",
    file: "2019-01-03-deep-block.md",
    text: `---\ntitle: Deep\ndate: 2019-01-03\nx:\n${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i + 1)}a:`).join("\n")}\n---\nBody.\n`,
    expect: "error front-matter/yaml",
  },
  {
    name: "NUL byte",
    file: "2019-01-03-nul.md",
    text: "---\ntitle: Nul\ndate: 2019-01-03\n---\nFirst line.\nSecond \u0000 line.\n",
    expect: ":6 error file/nul",
  },
  {
    name: "300-character tag",
    file: "2019-01-03-long-tag.md",
    text: `---\ntitle: Long tag\ndate: 2019-01-03\ntags:\n  - Short\n  - ${"t".repeat(300)}\n---\nBody.\n`,
    expect: ":6 error front-matter/long-tag",
  },
  {
    name: "slug of 255+ bytes",
    // U+FDFA is one character in the file name and 18 letters and spaces once NFKC-normalised.
    file: `2019-01-03-${"\uFDFA".repeat(8)}.md`,
    text: articleText({ title: "Long slug", date: "2019-01-03" }),
    expect: " error article/long-slug",
  },
  {
    name: "source of 300 bytes",
    file: "2019-01-03-long-source.md",
    text: `---\ntitle: Long source\ndate: 2019-01-03\nsource: ${"خبر ".repeat(60)}x\n---\nBody.\n`,
    expect: ":4 error front-matter/long-source",
  },
  {
    name: "javascript: image",
    file: "2019-01-03-js-image.md",
    text: "---\ntitle: Image\ndate: 2019-01-03\nimage: javascript:alert(1)\nimage_alt: x\n---\nBody.\n",
    expect: ":4 error front-matter/bad-image",
  },
  {
    name: "data: image",
    file: "2019-01-03-data-image.md",
    text: "---\ntitle: Image\ndate: 2019-01-03\nimage: data:text/html;base64,PHNjcmlwdD4=\nimage_alt: x\n---\nBody.\n",
    expect: ":4 error front-matter/bad-image",
  },
  {
    name: "protocol-relative image",
    file: "2019-01-03-pr-image.md",
    text: "---\ntitle: Image\ndate: 2019-01-03\nimage: //evil.test/x.jpg\nimage_alt: x\n---\nBody.\n",
    expect: ":4 error front-matter/bad-image",
  },
  {
    name: "malformed image URL",
    file: "2019-01-03-bad-image.md",
    text: "---\ntitle: Image\ndate: 2019-01-03\nimage: http://[::1\nimage_alt: x\n---\nBody.\n",
    expect: ":4 error front-matter/bad-image",
  },
  {
    name: "too many tags",
    file: "2019-01-03-tags.md",
    text: `---\ntitle: Tags\ndate: 2019-01-03\ntags: [${Array.from({ length: 500 }, (_, i) => `t${i}`).join(", ")}]\n---\nBody.\n`,
    expect: ":4 error front-matter/too-many-tags",
  },
  {
    name: "duplicate URL",
    file: "good.md",
    text: "---\ntitle: Copy\nsource: x\ndate: 2019-01-02\n---\nBody.\n",
    expect: "",
  },
  {
    name: "impossible date",
    file: "2019-01-03-date.md",
    text: "---\ntitle: Date\ndate: 2019-02-30\n---\nBody.\n",
    expect: ":3 error front-matter/bad-date",
  },
  {
    name: "year 99999",
    file: "2019-01-03-year.md",
    text: "---\ntitle: Date\ndate: 99999-01-01\n---\nBody.\n",
    expect: ":3 error front-matter/bad-date",
  },
  {
    name: "not UTF-8",
    file: "2019-01-03-latin1.md",
    text: Buffer.from([...Buffer.from("---\ntitle: x\n"), 0xe9, ...Buffer.from("\n---\nBody\n")]),
    expect: ":3 error file/not-utf8",
  },
  {
    name: "unclosed front matter",
    file: "2019-01-03-open.md",
    text: "---\ntitle: Open\ndate: 2019-01-03\nBody.\n",
    expect: ":1 error front-matter/missing",
  },
  {
    name: "a tag with no letters",
    file: "2019-01-03-empty-tag.md",
    text: "---\ntitle: T\ndate: 2019-01-03\ntags:\n  - ok\n  - '\u202E\u202E'\n---\nBody.\n",
    expect: ":6 error front-matter/bad-tag",
  },
];

/** Live markup: an element that runs or loads something, or an event handler attribute. */
const LIVE = /<script(?![^>]*application\/ld\+json)|<iframe|<object|<embed|<[a-z][^>]*\son[a-z]+\s*=/i;
/** A link or source that runs script: only real attributes have a raw double quote. */
const LIVE_URL = /\s(?:href|src|action|formaction)="\s*(?:javascript|data|vbscript):/i;
/**
 * The first live markup in HTML or XML text, or null. Attribute values (escaped text between double quotes)
 * are blanked first, so escaped text that looks like an attribute (`onerror=` in a title) is not taken for one.
 */
function findLive(text: string): RegExpExecArray | null {
  return LIVE.exec(text.replace(/(\s[a-z:-]+=)"[^"]*"/gi, '$1""')) ?? LIVE_URL.exec(text);
}

/**
 * Raw control characters no output may carry (tab, newline and carriage return are fine). Bidi controls are
 * kept out of names (checked below); in the body text they may be the author's.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const corpus = suite("hostile corpus");

corpus(
  "every error case: a message at file:line, the build fails, the previous _site/ byte-identical",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), GOOD);
    const first = await buildSite({ root, now: NOW });
    assert.ok(first.ok, first.diagnostics.map(formatDiagnostic).join("\n"));
    const before = await readTree(first.outDir);
    for (const c of ERRORS) {
      const file = path.join(root, "articles", c.file);
      await writeFile(file, c.text);
      const result = await buildSite({ root, now: NOW });
      const printed = result.diagnostics.map(formatDiagnostic);
      assert.is(result.ok, false, `${c.name}: the build fails`);
      const relative = path.join("articles", c.file);
      if (c.name === "duplicate URL") {
        assert.ok(
          printed.some((line) =>
            /^articles\/(2019-01-02-)?good\.md:\d+ error article\/duplicate-(url|slug): .*articles\/(2019-01-02-)?good\.md:\d+ /.test(
              line,
            ),
          ),
          `${c.name}: both files and lines:\n${printed.join("\n")}`,
        );
      } else {
        assert.ok(
          printed.some((line) => line.startsWith(relative) && line.includes(c.expect)),
          `${c.name}: expected "${relative}${c.expect}" in:\n${printed.join("\n")}`,
        );
      }
      for (const line of printed) {
        assert.not.match(line, /Maximum call stack|ENAMETOOLONG|\n\s+at /, c.name);
        assert.not.ok(CONTROL.test(line), `${c.name}: no raw control character in the message`);
        assert.ok(line.length < 600, `${c.name}: a short message`);
      }
      assert.equal(await readTree(first.outDir), before, `${c.name}: previous output untouched`);
      await rm(file);
    }
    await rm(root, { recursive: true, force: true });
  },
);

corpus("the CLI exits 1 with every message and no stack trace; a missing articles/ folder too", async () => {
  const articles: Record<string, string | Buffer> = { ...GOOD };
  for (const c of ERRORS) articles[c.file] = c.text;
  const root = await makeFixtureSite(fixtureConfig(), {});
  for (const [name, text] of Object.entries(articles))
    await writeFile(path.join(root, "articles", name), text);
  const run = () =>
    spawnSync(process.execPath, ["--import", TSX, SCRIPT, "--root", root], { cwd: root, encoding: "utf8" });
  let r = run();
  assert.is(r.status, 1, r.stderr);
  assert.not.match(r.stderr, /\n\s+at |Maximum call stack|ENAMETOOLONG|TypeError|RangeError/);
  assert.match(r.stderr, "Build failed:");
  assert.ok(r.stderr.split("\n").filter((l) => / error /.test(l)).length >= ERRORS.length - 1, r.stderr);
  await rm(path.join(root, "articles"), { recursive: true });
  r = run();
  assert.is(r.status, 1);
  assert.match(r.stderr, "articles error articles/missing: there is no articles/ folder");
  await writeFile(path.join(root, "articles"), "not a folder");
  r = run();
  assert.is(r.status, 1);
  assert.match(r.stderr, "error articles/not-a-folder");
  await rm(root, { recursive: true, force: true });
});

corpus("an article file over max_article_bytes is an error, not read", async () => {
  const root = await makeFixtureSite(`${fixtureConfig()}max_article_bytes: 1000\n`, {
    ...GOOD,
    "2019-01-03-big.md": articleText({ title: "Big", date: "2019-01-03" }, "word ".repeat(500)),
  });
  const result = await buildSite({ root, now: NOW });
  assert.is(result.ok, false);
  assert.match(
    result.diagnostics.map(formatDiagnostic).join("\n"),
    "articles/2019-01-03-big.md error file/too-large: the file is 2,",
  );
  await rm(root, { recursive: true, force: true });
});

/** Articles the build accepts, some with warnings: their text must arrive escaped and clean everywhere. */
const ACCEPTED: Record<string, string> = {
  "2019-01-03-script.md": articleText(
    {
      title: '"</script><script>alert(1)</script> ]]> &amp; \u2028 <img src=x onerror=alert(2)>"',
      date: "2019-01-03T10:00:00Z",
      byline: '"<b onmouseover=alert(3)>Jane</b>"',
      source: '"<iframe src=javascript:alert(4)>"',
      tags: '["<script>alert(1)</script>", "a]]>b", "x\\u202Ey"]',
      summary: '"A summary </script> with \\u0007 bell and \\x1b[31m escape"',
      dateline: '"\\u202Egnp.exe"',
      image: "/images/a.jpg",
      image_alt: '"\\" onerror=\\"alert(5)"',
      caption: '"<script>caption</script>"',
    },
    "Body <script>alert(6)</script> and [a link](javascript:alert(7)) and <img src=x onerror=alert(8)>.\n\n" +
      "Entities: &#0; &#27; &#x85; &#x202E; ok.\n\nRaw controls: \u0001\u0008\u007F\u0085 gone.\n\n" +
      "```\n</script><!--\n```\n",
  ),
  // A BOM, CRLF line ends and a lone CR.
  "2019-01-04-crlf.md":
    "\uFEFF---\r\ntitle: CRLF file\r\ndate: 2019-01-04\r\ntags: [Iran]\r\n---\r\nBody\rwith a lone CR.\r\n",
  // Homoglyph: a Cyrillic "а" in a slug that looks like another article's.
  "2019-01-05-gооd.md": articleText({ title: "Homoglyph", date: "2019-01-05" }),
  // Weird but valid dates.
  "2019-01-06-offset.md": articleText({ title: "Offset", date: "2019-01-06T23:59:59+14:00" }),
  "2999-01-07-future.md": articleText({ title: "Future", date: "2999-01-07" }),
};

corpus(
  "accepted hostile text: no live markup and no raw control character in any page, feed or email",
  async () => {
    const root = await makeFixtureSite(fixtureConfig(), { ...GOOD, ...ACCEPTED });
    const result = await buildSite({ root, now: NOW });
    const printed = result.diagnostics.map(formatDiagnostic);
    assert.ok(result.ok, printed.join("\n"));
    // The warnings name their lines.
    const script = "articles/2019-01-03-script.md";
    for (const expected of [
      `${script}:6 warning front-matter/bidi-control`,
      `${script}:7 warning front-matter/control-character`,
      `${script}:8 warning front-matter/bidi-control`,
      `${script}:17 warning file/control-character`,
      "articles/2999-01-07-future.md:3 warning article/future-date",
    ])
      assert.ok(
        printed.some((line) => line.startsWith(expected)),
        `${expected} in:\n${printed.join("\n")}`,
      );
    const tree = await readTree(result.outDir);
    assert.ok(tree.size > 10);
    for (const [file, text] of tree) {
      if (file.endsWith(".js") || file.startsWith("pagefind/")) continue;
      const bad = CONTROL.exec(text);
      assert.not.ok(
        bad,
        `${file}: raw control character U+${bad?.[0].codePointAt(0)?.toString(16)} near ${JSON.stringify(text.slice(Math.max(0, (bad?.index ?? 0) - 60), (bad?.index ?? 0) + 20))}`,
      );
      // The search page loads Pagefind, the site's one script (CONTRACTS): its own markup, not content.
      if (file === "search/index.html") continue;
      const body = file.endsWith(".html")
        ? text.replace(/<script[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/g, "")
        : text;
      const live = findLive(body);
      assert.not.ok(
        live,
        `${file}: live markup ${live?.[0]} near ${body.slice(Math.max(0, (live?.index ?? 0) - 80), (live?.index ?? 0) + 80)}`,
      );
    }
    // JSON-LD cannot be closed early: at most one </script> per JSON-LD block, its own.
    for (const [file, text] of tree) {
      if (!file.endsWith(".html")) continue;
      for (const block of text.match(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g) ?? []) {
        const json = block.slice(block.indexOf(">") + 1, -"</script>".length);
        assert.not.match(json, /<|\u2028|\u2029/, `${file}: JSON-LD carries no < or raw U+2028`);
        JSON.parse(json);
      }
    }
    assert.ok(tree.has("tags/xy/index.html"), "the bidi override is out of the tag");
    const page = tree.get("2019/01/script/index.html") ?? "";
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page)?.[1] ?? "";
    assert.not.match(heading, /[\u202A-\u202E\u2066-\u2069]/);
    assert.match(page, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");

    // The newsletter from the same articles.
    const io = recorder();
    const code = await runNewsletter(newsletterOptions(root, "2019-01-08T00:00:00Z"), io);
    assert.is(code, 0, io.errors.join("\n"));
    assert.ok(
      io.lines.some((l) => l.includes("newsletter/1")),
      io.lines.join("\n"),
    );
    const issue = path.join(root, "newsletter", "1");
    for (const name of await readdir(issue)) {
      const text = await readFile(path.join(issue, name), "utf8");
      assert.not.ok(CONTROL.test(text), `newsletter/1/${name}: raw control character`);
      if (name.endsWith(".html") || name.endsWith(".mjml")) {
        const live = findLive(text);
        assert.not.ok(live, `newsletter/1/${name}: live markup ${live?.[0]}`);
      }
    }
    await rm(root, { recursive: true, force: true });
  },
);

corpus.run();
