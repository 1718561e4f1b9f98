import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** The copied-text pages the test fixtures ship (corpus subset, dev-set subset, seeds), both variants. */
function fixtureTexts(repo: string): string[] {
  const texts: string[] = [];
  for (const dir of [
    "test/fixtures/corpus/full",
    "test/fixtures/corpus/main",
    "test/fixtures/devset/full",
    "test/fixtures/devset/main",
    "test/fixtures/seeds",
  ]) {
    const abs = path.join(repo, dir);
    for (const name of readdirSync(abs).sort())
      if (name.endsWith(".txt")) texts.push(readFileSync(path.join(abs, name), "utf8"));
  }
  return texts;
}

/**
 * Writes `count` copied-text pages into `dir` for the importer's batch figure (`npm run import -- --json
 * DIR` in one process): the fixtures' pages over and over, each copy with its own number in the first
 * line so that no two files are the same text.
 */
export async function writeImportBatch(repo: string, dir: string, count: number): Promise<void> {
  const texts = fixtureTexts(repo);
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length] ?? "";
    await writeFile(path.join(dir, `${String(i).padStart(5, "0")}.txt`), `Copy ${i}\n${text}`);
  }
}
