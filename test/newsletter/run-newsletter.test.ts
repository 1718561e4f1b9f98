import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadArticles } from "../../src/articles/load-articles.ts";
import { loadConfig } from "../../src/config/load-config.ts";
import { readLedger } from "../../src/newsletter/ledger.ts";
import {
  type NewsletterOptions,
  prepareNextIssue,
  runNewsletter,
} from "../../src/newsletter/run-newsletter.ts";
import { writeFixtureImage } from "../build/fixture-site.ts";
import {
  articleFile,
  deleteArticle,
  makeProject,
  newsletterOptions,
  putArticle,
  readTree,
  recorder,
} from "./project.ts";

const options = newsletterOptions;

async function run(root: string, now: string, extra: Partial<NewsletterOptions> = {}) {
  const io = recorder();
  const code = await runNewsletter(options(root, now, extra), io);
  return { code, ...io };
}

async function issuesOf(root: string): Promise<string[][]> {
  const { ledger } = await readLedger(root);
  return ledger.issues.map((i) => i.entries.map((e) => e.slug));
}

const runner = suite("runNewsletter");

runner("a sequence of issues sends every article exactly once", async () => {
  const root = await makeProject({
    "2024-02-01-old.md": articleFile("Old", "2024-02-01"),
    "2024-03-03-a.md": articleFile("A", "2024-03-03T09:00"),
    "2024-03-05-b.md": articleFile("B", "2024-03-05T09:00"),
    "2024-03-07-c.md": articleFile("C", "2024-03-07T09:00"),
  });
  let r = await run(root, "2024-03-08T10:00:00Z");
  assert.is(r.code, 0, r.errors.join("\n"));
  assert.equal(await issuesOf(root), [["c", "b", "a"]]);

  // New article, an edited date on a sent one, one added late with an old date.
  await putArticle(root, "2024-03-10-d.md", articleFile("D", "2024-03-10T09:00"));
  await putArticle(root, "2024-03-03-a.md", articleFile("A", "2024-03-11T09:00"));
  await putArticle(root, "e.md", articleFile("E", "2024-03-06T09:00"));
  r = await run(root, "2024-03-12T10:00:00Z");
  assert.is(r.code, 0, r.errors.join("\n"));
  assert.equal((await issuesOf(root))[1], ["d", "e"]);

  // A deleted article: the rebuilt issue 2 is byte-identical from the ledger alone.
  const before = await readTree(path.join(root, "newsletter/2"));
  await deleteArticle(root, "2024-03-10-d.md");
  r = await run(root, "2024-04-01T00:00:00Z", { issue: 2 });
  assert.is(r.code, 0, r.errors.join("\n"));
  assert.equal(await readTree(path.join(root, "newsletter/2")), before);

  // A crash while writing issue 3 leaves the ledger as it was; the rerun makes issue 3.
  await putArticle(root, "2024-03-13-f.md", articleFile("F", "2024-03-13T09:00"));
  const ledgerBefore = await readFile(path.join(root, "newsletter/issues.json"));
  await writeFile(path.join(root, "newsletter/3"), "in the way");
  r = await run(root, "2024-03-14T10:00:00Z");
  assert.is.not(r.code, 0);
  assert.ok((await readFile(path.join(root, "newsletter/issues.json"))).equals(ledgerBefore));
  await rm(path.join(root, "newsletter/3"));
  r = await run(root, "2024-03-14T10:00:00Z");
  assert.is(r.code, 0, r.errors.join("\n"));
  assert.equal((await issuesOf(root))[2], ["f"]);

  // Nothing new: says so, exits 0, writes nothing.
  const tree = await readTree(path.join(root, "newsletter"));
  r = await run(root, "2024-03-15T10:00:00Z");
  assert.is(r.code, 0);
  assert.equal(r.lines, ["no new articles since issue 3"]);
  assert.equal(await readTree(path.join(root, "newsletter")), tree);

  // Over the limit: the rest wait for the next issue.
  for (const [slug, day] of [
    ["g", 16],
    ["h", 17],
    ["i", 18],
  ] as const)
    await putArticle(root, `${slug}.md`, articleFile(slug.toUpperCase(), `2024-03-${day}T09:00`));
  r = await run(root, "2024-03-19T10:00:00Z", { limit: 2 });
  assert.match(r.lines.join("\n"), "1 more article waits for the next issue");
  r = await run(root, "2024-03-20T10:00:00Z", { limit: 2 });
  const issues = await issuesOf(root);
  assert.equal(issues.slice(3), [["h", "g"], ["i"]]);
  const all = issues.flat().sort();
  assert.equal(all, ["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
});

runner(
  "at the command line, a made issue ends with what comes next (build, deploy, send, or undo)",
  async () => {
    const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
    const quiet = await run(root, "2024-03-08T10:00:00Z", { dryRun: true, nextSteps: true });
    assert.not.match(quiet.lines.join("\n"), "Next:");
    const made = await run(root, "2024-03-08T10:00:00Z", { nextSteps: true });
    assert.is(made.code, 0, made.errors.join("\n"));
    const text = made.lines.join("\n");
    assert.match(
      text,
      "Next: npm run build (and deploy) so /newsletter/1/, which the email links to, is online;",
    );
    assert.match(text, "then npm run newsletter -- send 1.");
    assert.match(text, "npm run newsletter -- undo");
    // Without the option (as npm run publish calls it), nothing of the sort.
    await putArticle(root, "b.md", articleFile("Beta", "2024-03-09T09:00"));
    const plain = await run(root, "2024-03-09T10:00:00Z");
    assert.is(plain.code, 0, plain.errors.join("\n"));
    assert.not.match(plain.lines.join("\n"), "Next:");
  },
);

runner("--dry-run prints the issue and writes nothing", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const r = await run(root, "2024-03-08T10:00:00Z", { dryRun: true });
  assert.is(r.code, 0);
  assert.match(r.lines.join("\n"), "Would make issue 1 with 1 article:");
  assert.match(r.lines.join("\n"), "Alpha  (a)");
  assert.equal([...(await readTree(root)).keys()], ["articles/a.md", "gazette.config.yaml"]);
});

runner("writes the four files; the .eml reads back with every link", async () => {
  const root = await makeProject({
    "a.md": articleFile("Alpha", "2024-03-07T09:00"),
    "b.md": articleFile("Beta", "2024-03-06T09:00"),
  });
  await writeFile(path.join(root, "intro.md"), "A *quiet* week.");
  const r = await run(root, "2024-03-08T10:00:00Z", { intro: path.join(root, "intro.md") });
  assert.is(r.code, 0, r.errors.join("\n"));
  const files = [...(await readTree(path.join(root, "newsletter"))).keys()];
  assert.equal(files, ["1/email.eml", "1/email.html", "1/email.mjml", "1/email.txt", "issues.json"]);
  const mail = await simpleParser(await readFile(path.join(root, "newsletter/1/email.eml")));
  assert.is(mail.subject, "Test Gazette #1: Alpha");
  assert.match(String(mail.html), 'href="https://news.example.org/2024/03/a/"');
  assert.match(String(mail.html), 'href="https://news.example.org/2024/03/b/"');
  assert.match(String(mail.html), "<em>quiet</em>");
  assert.match(mail.text ?? "", "https://news.example.org/2024/03/b/");
  assert.is(mail.replyTo?.text, "editor@news.example.org");
});

runner("the ledger cannot be lost silently: missing, emptied or rolled back, it is refused", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  assert.is((await run(root, "2024-03-08T10:00:00Z")).code, 0);
  await putArticle(root, "b.md", articleFile("Beta", "2024-03-09T09:00"));
  assert.is((await run(root, "2024-03-10T10:00:00Z")).code, 0);
  const ledgerFile = path.join(root, "newsletter/issues.json");
  const full = await readFile(ledgerFile, "utf8");
  await putArticle(root, "c.md", articleFile("Gamma", "2024-03-11T09:00"));

  await rm(ledgerFile);
  const tree = await readTree(root);
  let r = await run(root, "2024-03-12T10:00:00Z");
  assert.equal(r.code, 1);
  assert.equal(r.errors, [
    "newsletter/issues.json is missing, but newsletter/1/, newsletter/2/ exist: the ledger is the record of which articles went out, and without it issue numbers would be reused. Restore it (git checkout -- newsletter/issues.json, or from a backup) before making another issue",
  ]);
  assert.equal(await readTree(root), tree, "nothing written");
  assert.is((await run(root, "2024-03-12T10:00:00Z", { dryRun: true })).code, 1, "a dry run says so too");

  await writeFile(ledgerFile, "\n");
  r = await run(root, "2024-03-12T10:00:00Z");
  assert.equal(r.errors, [
    'newsletter/issues.json error ledger/empty: newsletter/issues.json is empty (expected { "start": …, "issues": [ … ] }): restore it with git checkout -- newsletter/issues.json (or from a backup); delete it only if no issue was ever made',
  ]);

  // Rolled back to issue 1: issue 2's folder keeps its number.
  const one = JSON.parse(full);
  one.issues = one.issues.slice(0, 1);
  await writeFile(ledgerFile, JSON.stringify(one, null, 2));
  r = await run(root, "2024-03-12T10:00:00Z");
  assert.is(r.code, 1);
  assert.match(
    r.errors[0] ?? "",
    "newsletter/2/ exists, but newsletter/issues.json records only issue 1: an issue number is never reused",
  );

  await writeFile(ledgerFile, full);
  r = await run(root, "2024-03-12T10:00:00Z");
  assert.is(r.code, 0, r.errors.join("\n"));
  assert.equal((await issuesOf(root))[2], ["c"]);
});

runner("two runs at once: one makes the issue, the other is refused by the project lock", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const [a, b] = await Promise.all([run(root, "2024-03-08T10:00:00Z"), run(root, "2024-03-08T10:00:00Z")]);
  assert.equal([a.code, b.code].sort(), [0, 1]);
  const loser = a.code === 1 ? a : b;
  assert.match(
    loser.errors.join("\n"),
    /^newsletter\/issues\.lock: npm run newsletter is already running \(pid \d+, since \S+\); wait for it to finish, or if that process is gone, delete newsletter\/issues\.lock and run again$/,
  );
  assert.equal(await issuesOf(root), [["a"]]);
  assert.not.ok((await readTree(path.join(root, "newsletter"))).has("issues.lock"));
});

runner("bad input: one clear line each", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  let r = await run(root, "2024-03-08T10:00:00Z", { since: "last week" });
  assert.equal([r.code, r.errors], [1, ['--since "last week" is not a day (expected YYYY-MM-DD)']]);
  r = await run(root, "2024-03-08T10:00:00Z", { issue: 4 });
  assert.equal([r.code, r.errors], [1, ["issue 4 is not in newsletter/issues.json (no issue is recorded)"]]);
  r = await run(root, "2024-03-08T10:00:00Z", { intro: path.join(root, "missing.md") });
  assert.is(r.code, 1);
  assert.match(r.errors[0] ?? "", "missing.md cannot be read");
  await writeFile(path.join(root, "articles/bad.md"), "---\ntitle: Bad\ndate: 31/01/2019\n---\nx\n");
  r = await run(root, "2024-03-08T10:00:00Z");
  assert.is(r.code, 1);
  assert.match(r.errors.join("\n"), "articles/bad.md:3");
});

runner(
  "an entry's image reaches the email: absolute URL, width, alt; one Read link names the source",
  async () => {
    const root = await makeProject({
      "2024-03-07-pictured.md":
        "---\ntitle: Pictured\ndate: 2024-03-07T09:00\nsource: Wire Service\nsource_url: https://wire.example.net/a\nimage: /images/harbour.jpg\nimage_alt: A harbour at dusk\n---\nThe body.\n",
      "2024-03-06-plain.md": articleFile("Plain", "2024-03-06T09:00"),
    });
    await writeFixtureImage(root, "images/harbour.jpg", 1600, 900);
    const r = await run(root, "2024-03-08T10:00:00Z");
    assert.is(r.code, 0, r.errors.join("\n"));
    const html = await readFile(path.join(root, "newsletter", "1", "email.html"), "utf8");
    assert.match(
      html,
      '<img src="https://news.example.org/images/harbour-1200.jpg" alt="A harbour at dusk" width="552" height="311"',
    );
    assert.match(
      html,
      /<a href="https:\/\/wire.example.net\/a"[^>]*>Read the original at Wire Service<span aria-hidden="true"> →<\/span><\/a>/,
    );
    assert.match(
      html,
      /<a href="https:\/\/news.example.org\/2024\/03\/plain\/"[^>]*>Read the Wire Service story on Test Gazette<span/,
    );
    assert.is(html.match(/>Read (the|it)/g)?.length, 2, "one Read link per entry");
    const { ledger } = await readLedger(root);
    assert.equal(ledger.issues[0]?.entries[0]?.image, {
      alt: "A harbour at dusk",
      src: "/images/harbour-1200.jpg",
      width: 1200,
      height: 675,
    });
    // A missing image stops the next issue at its line.
    await putArticle(
      root,
      "2024-03-09-broken.md",
      "---\ntitle: Broken\ndate: 2024-03-09T09:00\nimage: /images/gone.jpg\nimage_alt: Gone\n---\nBody.\n",
    );
    const broken = await run(root, "2024-03-10T10:00:00Z");
    assert.is(broken.code, 1);
    assert.match(
      broken.errors.join("\n"),
      'articles/2024-03-09-broken.md:4 error image/missing: image "/images/gone.jpg" was not found',
    );
    await rm(root, { recursive: true, force: true });
  },
);

runner.run();

const prepare = suite("prepareNextIssue");

prepare("plans and builds the next issue and writes nothing", async () => {
  const root = await makeProject({ "a.md": articleFile("Alpha", "2024-03-07T09:00") });
  const before = await readTree(root);
  const io = recorder();
  const prepared = await prepareNextIssue(options(root, "2024-03-08T10:00:00Z"), io);
  if (typeof prepared === "number") throw new Error(io.errors.join("\n"));
  assert.equal(
    [prepared.issue.number, prepared.issue.entries.map((e) => e.slug), prepared.waiting],
    [1, ["a"], 0],
  );
  assert.match(prepared.files.html, "Alpha");
  assert.equal(await readTree(root), before);
});

prepare("nothing new: 0 and a line that says so; bad content: 1", async () => {
  const root = await makeProject({});
  const io = recorder();
  assert.is(await prepareNextIssue(options(root, "2024-03-08T10:00:00Z"), io), 0);
  assert.equal(io.lines, ["no new articles in the last 7 days: no issue made"]);
  await putArticle(root, "bad.md", "---\ntitle: x\n---\n");
  assert.is(await prepareNextIssue(options(root, "2024-03-08T10:00:00Z"), recorder()), 1);
});

prepare("the email spells a source as the site does, counting the articles it does not read", async () => {
  // Two old articles (outside the first issue's 7 days, so the newsletter skips them) spell the source
  // "WIRE SERVICE"; the one recent article spells it "Wire Service". The site shows the most used.
  const spelled = (title: string, date: string, source: string) =>
    articleFile(title, date).replace("source: Wire Service", `source: ${source}`);
  const root = await makeProject({
    "2024-02-01-old-one.md": spelled("Old one", "2024-02-01T09:00", "WIRE SERVICE"),
    "2024-02-02-old-two.md": spelled("Old two", "2024-02-02T09:00", "WIRE SERVICE"),
    "2024-03-07-new.md": spelled("New", "2024-03-07T09:00", "Wire Service"),
  });
  const now = "2024-03-08T10:00:00Z";
  const { config } = await loadConfig(root);
  if (!config) throw new Error("no config");
  const site = await loadArticles(config, { root, now: new Date(now) });
  const siteName = site.published.find((a) => a.slug === "new")?.source?.name;
  assert.is(siteName, "WIRE SERVICE");
  const io = recorder();
  const prepared = await prepareNextIssue(options(root, now), io);
  if (typeof prepared === "number") throw new Error(io.errors.join("\n"));
  assert.equal(
    prepared.issue.entries.map((e) => [e.slug, e.source]),
    [["new", siteName]],
  );
  assert.match(prepared.files.text, "WIRE SERVICE");
  assert.not.match(prepared.files.text, "Wire Service");
});

prepare.run();
