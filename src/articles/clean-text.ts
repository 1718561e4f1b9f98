import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";

/**
 * Control characters no output may carry: C0 but tab and newline (a carriage return is a line break and is
 * normalised first), DEL, C1, and the noncharacters U+FFFE, U+FFFF and U+FDD0–U+FDEF (not text; XML
 * forbids the first two). NUL is handled apart: in a file it is an error.
 */
export const CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

/** Bidirectional embeddings, overrides and isolates: they can make a title or tag read as something else. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export interface CleanedText {
  /** The text with line breaks normalised to `\n` and control characters removed. */
  text: string;
  diagnostics: Diagnostic[];
}

/** `U+0007`, for messages: the character named, never printed. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Lines shown one by one in warnings; the rest are counted in one more line. */
const SHOWN_LINES = 5;

/**
 * Cleans an article file's text before it is parsed, keeping every line where it was: CRLF and lone CR
 * become LF; a NUL byte is an error at its line (the file is damaged or binary); every other control
 * character is removed with a warning at its line.
 */
export function cleanText(text: string, file: string): CleanedText {
  const normalised = text.replace(/\r\n?/g, "\n");
  const diagnostics: Diagnostic[] = [];
  const lines = normalised.split("\n");
  const nulLine = lines.findIndex((line) => line.includes("\u0000"));
  if (nulLine !== -1) {
    diagnostics.push(
      error(
        "file/nul",
        file,
        nulLine + 1,
        "the line holds a NUL byte (U+0000): the file is damaged or not a text file (expected UTF-8 text; remove the character)",
      ),
    );
  }
  let dirty = 0;
  const cleaned = lines.map((line, index) => {
    const found = line.match(CONTROL_CHARACTERS);
    if (!found) return line;
    dirty++;
    if (dirty <= SHOWN_LINES) {
      const names = [...new Set(found)].map(codePointName).join(", ");
      diagnostics.push(
        warning(
          "file/control-character",
          file,
          index + 1,
          `removed ${found.length} control character${found.length === 1 ? "" : "s"} (${names}) that no page, feed or email may carry (expected printable text)`,
        ),
      );
    }
    return line.replace(CONTROL_CHARACTERS, "");
  });
  if (dirty > SHOWN_LINES) {
    diagnostics.push(
      warning(
        "file/control-character",
        file,
        0,
        `removed control characters on ${dirty - SHOWN_LINES} more lines (expected printable text)`,
      ),
    );
  }
  return { text: cleaned.join("\n"), diagnostics };
}

/**
 * Removes control characters from a value that YAML escapes (`"\x07"`, `"\0"`) put there, and with
 * `bidi` the bidirectional controls too. Returns the clean value and the names of what was removed.
 */
export function cleanValue(value: string, bidi: boolean): { value: string; removed: string[] } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const pattern = bidi ? /[\u0000\u202A-\u202E\u2066-\u2069]/g : /\u0000/g;
  const found = [...(value.match(CONTROL_CHARACTERS) ?? []), ...(value.match(pattern) ?? [])];
  if (found.length === 0) return { value, removed: [] };
  return {
    value: value.replace(CONTROL_CHARACTERS, "").replace(pattern, ""),
    removed: [...new Set(found)].map(codePointName),
  };
}
