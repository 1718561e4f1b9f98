export type FrontMatterSplit =
  | { ok: true; yaml: string; body: string; yamlLine: number; bodyLine: number }
  | { ok: false; line: number; message: string };

/**
 * Splits `---\n<yaml>\n---\n<body>` into its parts, with the line each part starts on. Accepts CRLF and a
 * byte-order mark.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") {
    return {
      ok: false,
      line: 1,
      message: `the file starts with "${(lines[0] ?? "").slice(0, 40)}" (expected a --- line, then title: and date:, then ---)`,
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    return {
      ok: false,
      line: 1,
      message: "the front matter opened on line 1 is never closed (expected a --- line after it)",
    };
  }
  return {
    ok: true,
    yaml: lines.slice(1, close).join("\n"),
    body: lines.slice(close + 1).join("\n"),
    yamlLine: 2,
    bodyLine: close + 2,
  };
}
