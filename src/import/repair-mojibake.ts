/**
 * Text whose UTF-8 was read as Latin-1 or windows-1252 somewhere on its way ("mojibake": `I’ve` shown as
 * `Iâ€™ve`, or as `Iâ` and two invisible C1 controls; `café` as `cafÃ©`; a no-break space as `Â `), put
 * back: what a page stored with the wrong encoding shows, and what a reader copies from it.
 */

/** The byte windows-1252 writes as each of its characters at 0x80–0x9F (Latin-1 is its own byte). */
const CP1252_BYTE = new Map<string, number>(
  [..."€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"].map((c, i) => [c, 0x80 + i]),
);

/** A character that stands for a UTF-8 continuation byte (0x80–0xBF) in either misreading. */
const CONTINUATION = "[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]";

/**
 * A UTF-8 sequence misread: a lead byte (0xC2–0xF4, `Â`…`ô`) and as many continuation bytes as it
 * announces (one for 0xC2–0xDF, two for 0xE0–0xEF, three for 0xF0–0xF4).
 */
const MISREAD = new RegExp(
  `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
  "g",
);

/**
 * The misreadings that show the text was misread rather than written so: `Â` or `Ã` before a
 * continuation character (a no-break space, `©`, `é`, `ü` …) and `â` before two (every curly quote,
 * dash and ellipsis). Real text spells none of these.
 */
const TELLTALE = new RegExp(`[\\u00c2\\u00c3]${CONTINUATION}|\\u00e2${CONTINUATION}{2}`, "g");

/** How many telltale misreadings a text needs before it is repaired: one alone may be a quotation. */
const MIN_TELLTALES = 2;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The character a misread sequence stands for, or the sequence itself when its bytes are not UTF-8. */
function reread(sequence: string): string {
  const bytes = Uint8Array.from([...sequence], (c) => CP1252_BYTE.get(c) ?? c.charCodeAt(0));
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return sequence; // an overlong form or a surrogate: not something an encoder wrote
  }
}

/** Whether `text` holds at least two telltale misreadings. */
function looksMisread(text: string): boolean {
  TELLTALE.lastIndex = 0;
  let seen = 0;
  while (TELLTALE.exec(text) !== null) if (++seen >= MIN_TELLTALES) return true;
  return false;
}

/**
 * `text` with its misread UTF-8 sequences read again as UTF-8, when `evidence` (the text itself unless
 * given) has at least two telltale ones; otherwise unchanged, so an article that quotes `Ã©` once keeps
 * it. A sequence that does not decode stays as it is. ASCII, and correctly decoded text, never change.
 */
export function repairMojibake(text: string, evidence = text): string {
  return looksMisread(evidence) ? text.replace(MISREAD, reread) : text;
}

/** Scripts, style sheets, templates and comments, whose text a page does not show. */
const UNSHOWN = /<(script|style|template)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

/**
 * A saved page with its misread UTF-8 read again (`repairMojibake`), judged by the text it shows: a style
 * sheet's `content: "â€¢"` or a script's copy of a quotation is no evidence. The markup is ASCII and
 * stays as it is.
 */
export function repairPageMojibake(html: string): string {
  if (!looksMisread(html)) return html; // the usual case, without stripping the markup
  return repairMojibake(html, html.replace(UNSHOWN, " ").replace(/<[^>]*>/g, " "));
}
