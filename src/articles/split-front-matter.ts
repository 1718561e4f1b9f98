export type FrontMatterSplit =
  | { ok: true; yaml: string; body: string; yamlLine: number; bodyLine: number }
  | { ok: false; line: number; message: string };

const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/**
 * Splits `---\n<yaml>\n---\n<body>` into its parts, with the line each part starts on. Accepts CRLF and a
 * byte-order mark. Only the front matter is scanned line by line; the body is sliced off as it is.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const source = text.replace(/^\uFEFF/, "");
  const firstEnd = source.indexOf("\n");
  const first = (firstEnd === -1 ? source : source.slice(0, firstEnd)).replace(/\r$/, "");
  if (first.trim() !== "---") {
    return {
      ok: false,
      line: 1,
      message: `the file starts with "${first.slice(0, 40)}" (expected a --- line, then title: and date:, then ---)`,
    };
  }
  const rest = source.slice(firstEnd + 1);
  const close = CLOSING_FENCE.exec(rest);
  if (firstEnd === -1 || close === null) {
    return {
      ok: false,
      line: 1,
      message: "the front matter opened on line 1 is never closed (expected a --- line after it)",
    };
  }
  const yaml = rest.slice(0, close.index).replace(/\r?\n$/, "");
  const afterFence = rest.indexOf("\n", close.index);
  const body = afterFence === -1 ? "" : rest.slice(afterFence + 1);
  const yamlLines = close.index === 0 ? 0 : yaml.split("\n").length;
  return {
    ok: true,
    yaml: yaml.replace(/\r$/gm, ""),
    body: body.replace(/\r\n/g, "\n"),
    yamlLine: 2,
    bodyLine: yamlLines + 3,
  };
}
