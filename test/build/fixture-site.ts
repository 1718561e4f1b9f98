import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

/** Writes a small Gazette project (configuration and articles) into a fresh temporary folder. */
export async function makeFixtureSite(config: string, articles: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-site-"));
  await writeFile(path.join(root, "gazette.config.yaml"), config);
  await mkdir(path.join(root, "articles"), { recursive: true });
  for (const [name, text] of Object.entries(articles)) {
    await mkdir(path.dirname(path.join(root, "articles", name)), { recursive: true });
    await writeFile(path.join(root, "articles", name), text);
  }
  return root;
}

/** A configuration for fixture sites; `extra` lines are appended (later keys win in the tests' intent). */
export function fixtureConfig(options: { url?: string; timeZone?: string; perPage?: number } = {}): string {
  return [
    "title: Fixture Gazette",
    "description: A fixture site.",
    `url: ${options.url ?? "https://example.org/"}`,
    "language: en-GB",
    `time_zone: ${options.timeZone ?? "Asia/Tehran"}`,
    "publisher: Fixture Press",
    `per_page: ${options.perPage ?? 2}`,
    "subscribe_form_action: https://example.org/signup",
    "newsletter:",
    "  from: Fixture <news@example.org>",
    "  unsubscribe_url: https://example.org/unsubscribe?email={email}&token={token}",
    "  postal_address: 1 Fixture Road",
    "",
  ].join("\n");
}

/** An article file's text. */
export function articleText(
  fields: Record<string, string>,
  body = "A paragraph of the article body.",
): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

/** Every file below a folder, relative and sorted, with its contents. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const tree = new Map<string, string>();
  for (const file of files) tree.set(file, await readFile(path.join(dir, file), "utf8"));
  return tree;
}

/** Writes a real image file into a fixture project (`images/x.jpg`): a flat colour of the given size. */
export async function writeFixtureImage(
  root: string,
  file: string,
  width: number,
  height: number,
): Promise<void> {
  const target = path.join(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  const image = sharp({ create: { width, height, channels: 3, background: "#4a7a96" } });
  await (file.endsWith(".png") ? image.png() : image.jpeg()).toFile(target);
}
