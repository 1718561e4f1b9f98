/** Decoded text, or why the bytes are not text. */
export type Decoded = { text: string } | { error: string };

/** The encoding a byte-order mark announces, and the mark's length. */
function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** A decoder for an encoding label (`Shift_JIS`, `latin1` …), or null when the label names none we have. */
function decoderFor(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label.trim());
    // A page cannot declare UTF-16 in itself and be read as ASCII up to that declaration: the HTML
    // standard reads such a declaration as UTF-8.
    return decoder.encoding.startsWith("utf-16") ? new TextDecoder("utf-8") : decoder;
  } catch {
    return null;
  }
}

/** What windows-1252 has at 0x80–0x9F (the rest of it is Latin-1); undefined positions stay as they are. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Text with its C1 controls (U+0080–U+009F) read as the windows-1252 punctuation they stand for
 * (`we\u0092re` → `we’re`), as browsers read `&#146;`: what a page's curly quotes, dashes and euro signs
 * become when windows-1252 is decoded as Latin-1. The five positions windows-1252 leaves undefined stay.
 */
export function windows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * `decoder.decode(bytes)`, with windows-1252's 0x80–0x9F mapped as the standard says: Node 20's decoder
 * reads that label as Latin-1 and turns curly quotes, dashes and the euro sign into control characters.
 */
function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === "windows-1252" ? windows1252Punctuation(text) : text;
}

/** The whole of `bytes` as UTF-8, or null where they are not. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset a `<meta charset>` or `<meta http-equiv="Content-Type">` in the page's first 4 KB declares. */
function declaredInPage(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/**
 * The text of a web page's bytes, the way a browser settles its encoding: a byte-order mark first, then
 * the charset of the HTTP `Content-Type` (`contentType`, for a fetched page), then UTF-8 when the bytes
 * are valid UTF-8 (a page saved by a browser is often re-encoded as UTF-8 while its `<meta charset>`
 * still names the original), then the page's own `<meta charset>`, and windows-1252 (the web's default
 * for undeclared pages) when nothing else fits. Never fails: a page always decodes to something.
 */
export function decodeHtml(bytes: Uint8Array, contentType = ""): string {
  const mark = byteOrderMark(bytes);
  if (mark) return new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length));
  const header = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(contentType)?.[1];
  const fromHeader = header ? decoderFor(header) : null;
  if (fromHeader) return decodeWith(fromHeader, bytes);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return utf8;
  const inPage = declaredInPage(bytes);
  const fromPage = inPage ? decoderFor(inPage) : null;
  return decodeWith(fromPage ?? new TextDecoder("windows-1252"), bytes);
}

/**
 * The text of a saved page's file (`decodeHtml`), or why it is not a page: empty, binary (NUL bytes
 * where no UTF-16 byte-order mark explains them) or only white space.
 */
export function decodeSavedPage(bytes: Uint8Array): Decoded {
  return checked(bytes, () => ({ text: decodeHtml(bytes) }));
}

/**
 * The text of a copied-text file: UTF-8 (a leading byte-order mark dropped), or UTF-16 when a
 * byte-order mark says so (Windows editors save "Unicode" text that way). Copied text declares no
 * encoding, so anything else is refused rather than guessed: what is wrong, and what was expected.
 */
export function decodeCopiedText(bytes: Uint8Array): Decoded {
  return checked(bytes, (mark) => {
    if (mark && mark.encoding !== "utf-8")
      return { text: new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length)) };
    const text = strictUtf8(bytes.subarray(mark?.length ?? 0));
    return text === null
      ? { error: "the file is not UTF-8 text (expected UTF-8: re-save it as UTF-8)" }
      : { text };
  });
}

/** The checks both kinds of file share around `decode`, which gets the file's byte-order mark if any. */
function checked(
  bytes: Uint8Array,
  decode: (mark: { encoding: string; length: number } | null) => Decoded,
): Decoded {
  if (bytes.length === 0) return { error: "the file is empty" };
  const mark = byteOrderMark(bytes);
  const wide = mark !== null && mark.encoding !== "utf-8";
  if (!wide && bytes.includes(0))
    return { error: "the file is binary (it has NUL bytes), expected UTF-8 text" };
  const decoded = decode(mark);
  if ("error" in decoded) return decoded;
  if (decoded.text.includes("\0"))
    return { error: "the file is binary (it has NUL characters), expected text" };
  if (decoded.text.trim() === "") return { error: "the file has only white space" };
  return decoded;
}
