/**
 * Problems in content are values, not exceptions: each names the file, the line, a stable code and a
 * message that shows the value seen and what was expected. The edge (a CLI) decides what to do with them.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** A stable id such as `front-matter/bad-date`. */
  code: string;
  /** Path as the user gave it (relative to the project root where possible). */
  file: string;
  /** 1-based line, or 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

/** Creates an error diagnostic. */
export function error(code: string, file: string, line: number, message: string): Diagnostic {
  return { severity: "error", code, file, line, message };
}

/** Creates a warning diagnostic. */
export function warning(code: string, file: string, line: number, message: string): Diagnostic {
  return { severity: "warning", code, file, line, message };
}

/**
 * Control characters (line breaks too) and bidirectional controls, which a message quoting a value could
 * carry to a terminal: an escape sequence there can rewrite the screen, a bidi override reorder the line.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text with every control or bidi character shown as `<U+001B>`: safe to print, and it shows what is there. */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`,
  );
}

/**
 * `articles/x.md:3 error front-matter/bad-date: date "31/01/2019" is not a date (expected YYYY-MM-DD)`,
 * one line, with control characters shown by name (`printable`).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return printable(`${where} ${d.severity} ${d.code}: ${d.message}`);
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then line, so output is stable whatever order files were read in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
