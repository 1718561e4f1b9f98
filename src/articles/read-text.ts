export type TextRead = { ok: true; text: string } | { ok: false; code: string; message: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes file bytes as UTF-8 text, refusing binary files (NUL bytes) and invalid UTF-8. */
export function decodeText(bytes: Uint8Array): TextRead {
  if (bytes.includes(0)) {
    return { ok: false, code: "file/binary", message: "the file is binary (expected UTF-8 text)" };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    let offset = 0;
    // Find the first byte that breaks decoding, to point the user at a line.
    for (let end = 1024; end < bytes.length + 1024; end += 1024) {
      try {
        decoder.decode(bytes.subarray(0, Math.min(end, bytes.length)), { stream: true });
        offset = end;
      } catch {
        break;
      }
    }
    const line = bytes.subarray(0, offset).filter((b) => b === 10).length + 1;
    return {
      ok: false,
      code: "file/not-utf8",
      message: `the file is not UTF-8 text near line ${line} (expected UTF-8: re-save it as UTF-8)`,
    };
  }
}
