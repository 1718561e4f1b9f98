import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface HtmlMessage {
  file: string;
  line: number;
  message: string;
}

/** Runs the Nu HTML Checker (npm `vnu-jar`, Java) over files; returns its errors. */
export async function validateHtml(files: readonly string[]): Promise<HtmlMessage[]> {
  if (files.length === 0) return [];
  // The package exports the jar's path; run it with the machine's Java (no download).
  const jar = String(createRequire(import.meta.url)("vnu-jar"));
  let output: string;
  try {
    const result = await run("java", ["-jar", jar, "--errors-only", "--format", "json", ...files], {
      maxBuffer: 64 * 1024 * 1024,
    });
    output = result.stderr || result.stdout;
  } catch (e) {
    // vnu exits 1 when it found errors; its report is still on stderr.
    const failed = e as { stderr?: string; stdout?: string; code?: unknown };
    output = failed.stderr || failed.stdout || "";
    if (!output.trim().startsWith("{")) throw new Error(`the Nu HTML Checker did not run: ${String(e)}`);
  }
  const report = JSON.parse(output || '{"messages":[]}') as {
    messages: { url?: string; lastLine?: number; message: string; type: string }[];
  };
  return report.messages
    .filter((m) => m.type === "error")
    .map((m) => ({ file: (m.url ?? "").replace(/^file:/, ""), line: m.lastLine ?? 0, message: m.message }));
}
