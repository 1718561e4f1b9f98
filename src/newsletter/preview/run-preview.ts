import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../config/load-config.ts";
import { formatDiagnostic } from "../../shared/diagnostic.ts";
import { plural } from "../../shared/plural.ts";
import { buildIssue } from "../build-issue.ts";
import type { LedgerIssue } from "../ledger.ts";
import { readLedger } from "../ledger.ts";
import { createMjmlRenderer } from "../render-mjml.ts";
import { type NewsletterOptions, prepareNextIssue, type Reporter } from "../run-newsletter.ts";
import { type PreviewFiles, previewFiles } from "./preview-files.ts";

/** `npm run newsletter -- --preview [--out DIR]`: the newsletter options and where the preview goes. */
export interface PreviewOptions extends NewsletterOptions {
  /** The folder for the preview's files; null for a fresh temporary folder. */
  out: string | null;
}

/** A written preview: its folder and files (for serving), or the exit code when there is none. */
export type PreviewResult = { code: 0; dir: string; files: PreviewFiles } | { code: 0 | 1; dir: null };

async function recordedIssue(options: PreviewOptions, io: Reporter): Promise<LedgerIssue | number> {
  const { ledger, diagnostics } = await readLedger(options.root);
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  if (diagnostics.length > 0) return 1;
  const issue = ledger.issues.find((i) => i.number === options.issue);
  if (issue) return issue;
  io.err(`issue ${options.issue} is not in newsletter/issues.json (${ledger.issues.length} recorded)`);
  return 1;
}

/**
 * Renders the next issue (or `--issue N`) into a preview folder without recording anything: the ledger and
 * `newsletter/` are only read. Writes the HTML (and a dark-mode variant), the text, the headers, the
 * `.eml` and a page that shows them side by side.
 */
export async function runPreview(options: PreviewOptions, io: Reporter): Promise<PreviewResult> {
  const newsletterDir = path.resolve(options.root, "newsletter");
  if (options.out !== null) {
    const out = path.resolve(options.out);
    if (out === newsletterDir || out.startsWith(`${newsletterDir}${path.sep}`)) {
      io.err(`--out ${options.out} is inside newsletter/, the record of sent issues: pick another folder`);
      return { code: 1, dir: null };
    }
  }
  let issue: LedgerIssue;
  let files: Awaited<ReturnType<typeof buildIssue>>["files"];
  if (options.issue !== null) {
    const loaded = await loadConfig(options.root);
    for (const d of loaded.diagnostics) io.err(formatDiagnostic(d));
    if (!loaded.config) return { code: 1, dir: null };
    const found = await recordedIssue(options, io);
    if (typeof found === "number") return { code: 1, dir: null };
    issue = found;
    const built = await buildIssue(issue, loaded.config, createMjmlRenderer());
    for (const d of built.diagnostics) io.err(formatDiagnostic(d));
    files = built.files;
  } else {
    const prepared = await prepareNextIssue(options, io);
    if (typeof prepared === "number") return { code: prepared === 0 ? 0 : 1, dir: null };
    issue = prepared.issue;
    files = prepared.files;
  }
  if (!files) return { code: 1, dir: null };
  const preview = previewFiles(issue, files);
  let dir: string;
  try {
    dir =
      options.out === null
        ? await mkdtemp(path.join(os.tmpdir(), "gazette-preview-"))
        : path.resolve(options.out);
    await mkdir(dir, { recursive: true });
    for (const [name, data] of preview) await writeFile(path.join(dir, name), data);
  } catch (e) {
    io.err(`cannot write the preview: ${(e as Error).message}`);
    return { code: 1, dir: null };
  }
  io.out(`Preview of issue ${issue.number} with ${plural(issue.entries.length, "article")} (not recorded):`);
  for (const e of issue.entries) io.out(`  ${e.date.slice(0, 10)}  ${e.title}  (${e.slug})`);
  io.out(`Subject: ${issue.subject}`);
  io.out(`Files in ${dir}`);
  return { code: 0, dir, files: preview };
}
