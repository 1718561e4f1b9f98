export type TextRead =
  | { ok: true; text: string }
  | { ok: false; code: string; line: number; message: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes file bytes as UTF-8 text, refusing binary files (NUL bytes) and invalid UTF-8, at their line. */
export function decodeText(bytes: Uint8Array): TextRead {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = bytes.subarray(0, nul).filter((b) => b === 10).length + 1;
    return {
      ok: false,
      code: "file/nul",
      line,
      message:
        "the line holds a NUL byte (U+0000): the file is damaged or not a text file (expected UTF-8 text; remove the character)",
    };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    // The first byte that breaks decoding shows as the first U+FFFD of a lenient decode.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    const line = (bad === -1 ? "" : lenient.slice(0, bad)).split("\n").length;
    return {
      ok: false,
      code: "file/not-utf8",
      line,
      message: "the file is not UTF-8 text from this line on (expected UTF-8: re-save it as UTF-8)",
    };
  }
}
