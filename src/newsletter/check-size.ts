import { type Diagnostic, error } from "../shared/diagnostic.ts";

/** Gmail clips a message whose HTML is larger than about 102 KB, hiding the rest (and the footer). */
export const GMAIL_CLIP_BYTES = 102_000;

/**
 * Fails an email whose HTML Gmail would clip, and suggests a `--limit` that fits, estimated from the size
 * of an entry.
 */
export function checkEmailSize(
  html: string,
  entries: number,
  file: string,
  limit = GMAIL_CLIP_BYTES,
): Diagnostic[] {
  const bytes = Buffer.byteLength(html);
  if (bytes <= limit) return [];
  const fits = Math.max(1, Math.floor((entries * limit * 0.95) / bytes));
  const kb = (n: number): string => `${Math.ceil(n / 1000)} KB`;
  return [
    error(
      "email/too-large",
      file,
      0,
      `the email's HTML is ${kb(bytes)} with ${entries} entries, over Gmail's ${kb(limit)} clipping size ` +
        `(Gmail would cut it off before the unsubscribe link). Send fewer entries: try --limit ${fits}`,
    ),
  ];
}
