import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  buildIssue,
  compileIssue,
  escapeHtml,
  genericUnsubscribeUrl,
  personalize,
  UNSUBSCRIBE_PLACEHOLDER,
} from "../../src/newsletter/build-issue.ts";
import { createMjmlRenderer } from "../../src/newsletter/render-mjml.ts";
import { makeConfig } from "../factories.ts";
import { makeEntry, makeIssue } from "./project.ts";

const ADVERSARIAL = '<script>alert(1)</script> </mj-text><mj-button>x</mj-button> & "AT&T"';
const render = createMjmlRenderer();
const config = makeConfig();
const twenty = () =>
  makeIssue({
    number: 6,
    entries: Array.from({ length: 20 }, (_, i) =>
      makeEntry({
        slug: `story-${i}`,
        title: `A headline of ordinary length about talks in the region, number ${i}`,
        url: `/2024/03/story-${i}/`,
        summary: "A summary of about fifty words. ".repeat(8).trim(),
      }),
    ),
  });

const escaping = suite("escapeHtml");
escaping("escapes the five HTML characters", () => {
  assert.is(escapeHtml(`<a href="x">&'`), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
});
escaping.run();

const generic = suite("genericUnsubscribeUrl");
generic("the template filled for no one, or the mailto address", () => {
  assert.is(genericUnsubscribeUrl(config), "https://gazette.test/unsubscribe?email=&token=");
  const mailOnly = makeConfig({ newsletter: { ...config.newsletter, unsubscribeUrl: null } });
  assert.is(genericUnsubscribeUrl(mailOnly), "mailto:unsubscribe@gazette.test?subject=unsubscribe");
});
generic.run();

const compile = suite("compileIssue");
compile("compiles once with a placeholder for the unsubscribe URL", async () => {
  const { compiled, diagnostics } = await compileIssue(makeIssue(), config, render);
  assert.equal(diagnostics, []);
  assert.match(compiled?.html ?? "", `href="${UNSUBSCRIBE_PLACEHOLDER}"`);
  assert.match(compiled?.text ?? "", `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`);
});
compile("an issue too big for Gmail fails with a --limit suggestion", async () => {
  const issue = makeIssue({
    entries: Array.from({ length: 80 }, (_, i) => makeEntry({ slug: `s${i}`, summary: "word ".repeat(200) })),
  });
  const { compiled, diagnostics } = await compileIssue(issue, config, render);
  assert.is(compiled, null);
  assert.match(diagnostics[0]?.message ?? "", /over Gmail's 102 KB clipping size.*try --limit \d+/);
});
compile.run();

const personal = suite("personalize");
personal("puts one recipient's URL in the footer, the text and List-Unsubscribe", async () => {
  const { compiled } = await compileIssue(makeIssue(), config, render);
  if (!compiled) throw new Error("no issue");
  const url = "https://gazette.test/unsubscribe?email=ann%40x.org&token=abc";
  const files = await personalize(compiled, config, {
    to: { name: "Ann Example", address: "ann@x.org" },
    unsubscribeUrl: url,
    date: new Date("2024-03-09T00:00:00Z"),
  });
  assert.match(files.html, 'href="https://gazette.test/unsubscribe?email=ann%40x.org&amp;token=abc"');
  assert.match(files.text, `Unsubscribe: ${url}`);
  assert.not.match(files.html + files.text + files.mjml, UNSUBSCRIBE_PLACEHOLDER);
  const mail = await simpleParser(files.eml);
  assert.is(mail.to && !Array.isArray(mail.to) ? mail.to.text : "", '"Ann Example" <ann@x.org>');
  assert.match(`\r\n${files.eml}`, `\r\nList-Unsubscribe: <${url}>, <mailto:`);
});
personal.run();

const build = suite("buildIssue");

build("an adversarial title comes out as text in the HTML and the plain text", async () => {
  const issue = makeIssue({
    entries: [makeEntry({ title: ADVERSARIAL }), makeEntry({ slug: "b", title: "Second" })],
  });
  const { files, diagnostics } = await buildIssue(issue, config, render);
  assert.equal(diagnostics, []);
  const html = files?.html ?? "";
  assert.not.match(html, "<script>");
  assert.not.match(html, "<mj-");
  assert.match(
    html,
    "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/mj-text&gt;&lt;mj-button&gt;x&lt;/mj-button&gt; &amp; &quot;AT&amp;T&quot;",
  );
  assert.match(files?.text ?? "", ADVERSARIAL);
  const mail = await simpleParser(files?.eml ?? Buffer.from(""));
  assert.match(mail.subject ?? "", ADVERSARIAL);
  assert.match(mail.text ?? "", ADVERSARIAL);
});

build("20 entries: under 60 KB of HTML; every entry linked in both parts of the .eml", async () => {
  const { files, diagnostics } = await buildIssue(twenty(), config, render);
  assert.equal(diagnostics, []);
  assert.ok(Buffer.byteLength(files?.html ?? "") < 60_000, `${Buffer.byteLength(files?.html ?? "")} bytes`);
  const mail = await simpleParser(files?.eml ?? Buffer.from(""));
  for (let i = 0; i < 20; i++) {
    assert.match(String(mail.html), `href="https://gazette.test/2024/03/story-${i}/"`);
    assert.match(mail.text ?? "", `https://gazette.test/2024/03/story-${i}/`);
  }
  assert.is(mail.from?.text, '"Test Gazette" <digest@gazette.test>');
  assert.is(mail.date?.toISOString(), "2024-03-08T10:00:00.000Z");
  assert.match(mail.messageId ?? "", /^<gazette\.issue-6\.[0-9a-f]+@gazette\.test>$/);
  const raw = files?.eml.toString() ?? "";
  assert.match(
    `\r\n${raw}`,
    "\r\nList-Unsubscribe: <https://gazette.test/unsubscribe?email=&token=>, <mailto:unsubscribe@gazette.test?subject=unsubscribe>\r\n",
  );
  assert.match(raw, "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
  assert.match(raw, "\r\nList-ID: ");
  assert.match(raw, "\r\nList-Archive: <https://gazette.test/newsletter/>\r\n");
});

build("the HTML has lang, a title, one h1, alt on every image and no tracking pixel", async () => {
  const issue = makeIssue({
    intro: { markdown: "# Note\n\n![A chart](https://x/a.png)" },
  });
  const html = (await buildIssue(issue, config, render)).files?.html ?? "";
  assert.match(html, '<html lang="en-GB"');
  assert.match(html, "<title>Test Gazette #1: Iran Is Looking for Allies</title>");
  assert.is(html.match(/<h1[ >]/g)?.length, 1);
  for (const img of html.match(/<img\b[^>]*>/g) ?? []) assert.match(img, / alt="/);
  assert.not.match(html, /width="1"|height="1"/);
  assert.match(html, "prefers-color-scheme: dark");
});

build(
  "the intro is kept as Markdown and escaped each time it is rendered: no markup from the ledger",
  async () => {
    const issue = makeIssue({
      intro: {
        markdown: '<script>alert(1)</script> and <img src=x onerror="alert(2)"> [x](javascript:alert(3))',
      },
    });
    const { files } = await buildIssue(issue, config, render);
    const html = files?.html ?? "";
    assert.not.match(html, "<script>alert(1)");
    assert.not.match(html, "<img src=x");
    assert.not.match(html, 'href="javascript:');
    assert.match(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert.match(files?.text ?? "", "<script>alert(1)</script>", "the plain text shows the text as written");
  },
);

build("the same issue gives byte-identical files", async () => {
  const a = await buildIssue(twenty(), config, render);
  const b = await buildIssue(twenty(), config, render);
  assert.is(a.files?.html, b.files?.html);
  assert.is(a.files?.mjml, b.files?.mjml);
  assert.ok(a.files?.eml.equals(b.files?.eml ?? Buffer.from("")));
});

build.run();
