import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { LedgerEntry, LedgerIssue } from "../../src/newsletter/ledger.ts";
import type { NewsletterOptions } from "../../src/newsletter/run-newsletter.ts";

/** The configuration of a test project: Europe/London, no path prefix unless `url` has one. */
export function projectConfig(url = "https://news.example.org/"): string {
  return [
    "title: Test Gazette",
    "description: A digest for tests.",
    `url: ${url}`,
    "language: en-GB",
    "time_zone: Europe/London",
    "publisher: Test Press",
    "newsletter:",
    "  from: Test Gazette <digest@news.example.org>",
    "  reply_to: editor@news.example.org",
    "  unsubscribe_url: https://news.example.org/unsubscribe?email={email}&token={token}",
    "  unsubscribe_mailto: unsubscribe@news.example.org",
    "  postal_address: 1 Test Street, Testville",
    "  limit: 20",
    "",
  ].join("\n");
}

/** An article file's text. */
export function articleFile(title: string, date: string, summary = `Summary of ${title}.`): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nsource: Wire Service\nsummary: ${JSON.stringify(summary)}\n---\nThe body of ${title}.\n`;
}

/** A fresh project folder with a configuration and the given articles (`name` → text). */
export async function makeProject(
  articles: Record<string, string>,
  config = projectConfig(),
): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-newsletter-"));
  await writeFile(path.join(root, "gazette.config.yaml"), config);
  await mkdir(path.join(root, "articles"));
  for (const [name, text] of Object.entries(articles))
    await writeFile(path.join(root, "articles", name), text);
  return root;
}

/** Writes (or replaces) one article file. */
export async function putArticle(root: string, name: string, text: string): Promise<void> {
  await writeFile(path.join(root, "articles", name), text);
}

/** Deletes one article file. */
export async function deleteArticle(root: string, name: string): Promise<void> {
  await rm(path.join(root, "articles", name));
}

/** Every file below a folder, relative and sorted, with its bytes. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const tree = new Map<string, Buffer>();
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  for (const file of files.sort()) tree.set(file, await readFile(path.join(dir, file)));
  return tree;
}

/** A ledger entry for tests. */
export function makeEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    slug: "allies",
    title: "Iran Is Looking for Allies",
    url: "/2024/03/allies/",
    summary: "The first paragraph of the article.",
    source: "Iran Focus",
    date: "2024-03-07T09:00:00+00:00",
    readingMinutes: 3,
    ...overrides,
  };
}

/** A ledger issue for tests. */
export function makeIssue(overrides: Partial<LedgerIssue> = {}): LedgerIssue {
  const entries = overrides.entries ?? [makeEntry()];
  return {
    number: 1,
    date: "2024-03-08T10:00:00+00:00",
    cutoff: "2024-03-08T10:00:00+00:00",
    since: null,
    until: null,
    subject: `Test Gazette #1: ${entries[0]?.title ?? ""}`,
    preheader: "One article this issue.",
    intro: null,
    entries,
    ...overrides,
  };
}

/** A reporter that keeps what it was told. */
export function recorder(): {
  out: (l: string) => void;
  err: (l: string) => void;
  lines: string[];
  errors: string[];
} {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => errors.push(l), lines, errors };
}

/** Options for `runNewsletter` as the CLI would give them with no flags; override any. */
export function newsletterOptions(
  root: string,
  now: string,
  extra: Partial<NewsletterOptions> = {},
): NewsletterOptions {
  return {
    root,
    now: new Date(now),
    since: null,
    until: null,
    limit: null,
    dryRun: false,
    issue: null,
    intro: null,
    ...extra,
  };
}
