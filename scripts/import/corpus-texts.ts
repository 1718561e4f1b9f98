import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One copied page of a corpus folder with its truth record. */
export interface CorpusText {
  /** The page's truth (`truth/<id>.json`): title, body, url… as the corpus writes them. */
  truth: { url?: string; title?: string; body?: string | null; [more: string]: unknown };
  variant: "main" | "full";
  /** The copied text (`<variant>/<id>.txt`). */
  text: string;
}

/**
 * Every copied text of a corpus or dev set folder (`truth/`, `main/`, `full/`), in file-name order, each
 * variant that exists; none when the folder has no `truth/`. What the importer's training scripts read.
 */
export function* readCorpusTexts(dir: string): Generator<CorpusText> {
  if (!existsSync(path.join(dir, "truth"))) return;
  for (const file of readdirSync(path.join(dir, "truth")).sort()) {
    const id = file.replace(/\.json$/, "");
    const truth = JSON.parse(readFileSync(path.join(dir, "truth", file), "utf8"));
    for (const variant of ["main", "full"] as const) {
      const textFile = path.join(dir, variant, `${id}.txt`);
      if (existsSync(textFile)) yield { truth, variant, text: readFileSync(textFile, "utf8") };
    }
  }
}
