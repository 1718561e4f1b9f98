import addressparser from "nodemailer/lib/addressparser";

/**
 * Checks for configuration values that end up in email headers (From, Reply-To, List-Unsubscribe, List-Id,
 * Subject) or in links: each returns null when the value is fine, or the reason it is not (pure).
 */

/**
 * C0 controls (CR, LF and tab included), DEL and C1 controls, the Unicode line and paragraph separators, and
 * the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which make a subject or a
 * sender's name display as something other than what it says.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** `U+000D (carriage return)`: how a control character is named in messages. */
function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const names: Record<number, string> = {
    0: "NUL",
    9: "tab",
    10: "line feed",
    13: "carriage return",
    127: "DEL",
    8232: "line separator",
    8233: "paragraph separator",
    8234: "left-to-right embedding",
    8235: "right-to-left embedding",
    8236: "pop directional formatting",
    8237: "left-to-right override",
    8238: "right-to-left override",
    8294: "left-to-right isolate",
    8295: "right-to-left isolate",
    8296: "first strong isolate",
    8297: "pop directional isolate",
  };
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex}${names[code] ? ` (${names[code]})` : ""}`;
}

/**
 * The first control character in a value that must stay on one line (a header, a URL), described, or null.
 * CR and LF would start a new header (header injection); the others have no business in a header either.
 */
export function controlCharacterIn(value: string): string | null {
  const match = CONTROL.exec(value);
  return match ? describeCharacter(match[0]) : null;
}

/** Like `controlCharacterIn`, but allows line feeds and tabs (for text shown in pages, never in a header). */
export function controlCharacterInText(value: string): string | null {
  const match = CONTROL_IN_TEXT.exec(value);
  return match ? describeCharacter(match[0]) : null;
}

/**
 * Deliberately strict: one @, no spaces, brackets, quotes or commas, a dot in the domain, and none of
 * `? # %`, which would change a `mailto:` link built from it.
 */
const ADDRESS = /^[^\s@<>()[\],;:"\\?#%]+@[^\s@<>()[\],;:"\\?#%]+\.[^\s@<>()[\],;:"\\?#%.]+$/;

/** True when the text is a bare address such as `editor@example.org`. */
export function isBareAddress(text: string): boolean {
  return ADDRESS.test(text) && !text.includes("..");
}

/**
 * Why a From or Reply-To value is not exactly one mailbox (`Name <address@example.org>` or a bare
 * address), as nodemailer's address parser reads it, or null when it is one.
 */
export function mailboxProblem(value: string): string | null {
  const parsed = addressparser(value);
  if (parsed.length === 0) return "is empty";
  if (parsed.length > 1) return `holds ${parsed.length} addresses (expected exactly one)`;
  const [entry] = parsed;
  if (!entry || entry.group !== undefined) return "is an address group (expected exactly one mailbox)";
  if (!isBareAddress(entry.address)) return "is not an email address";
  // The parser forgives stray text (`a@b.c <d@e.f>`); what it read must still be what was written.
  const name = entry.name.trim();
  if (name.includes("@")) return "has an address where the name should be (expected one mailbox)";
  return null;
}

// Stand-ins for the placeholders while the URL is parsed: letters and hyphens, which no parser rewrites.
const EMAIL_MARK = "gazette-email-placeholder";
const TOKEN_MARK = "gazette-token-placeholder";

/**
 * Why a URL is not stored exactly as the URL parser reads it, or null. `new URL()` silently drops tabs and
 * line breaks and escapes spaces, so the text is compared with the parser's `href`; `{email}` and
 * `{token}` placeholders are compared as if filled. `allowRootSlash` accepts `https://host` for
 * `https://host/`.
 */
export function urlProblem(value: string, allowRootSlash = false): string | null {
  const control = controlCharacterIn(value);
  if (control) return `holds the control character ${control}`;
  if (/\s/.test(value)) return "holds a space (expected %20)";
  const filled = value.replaceAll("{email}", EMAIL_MARK).replaceAll("{token}", TOKEN_MARK);
  let href: string;
  try {
    href = new URL(filled).href;
  } catch {
    return "is not a valid URL (expected https://host/path/)";
  }
  if (href === filled || (allowRootSlash && href === `${filled}/`)) return null;
  const shown = href.replaceAll(EMAIL_MARK, "{email}").replaceAll(TOKEN_MARK, "{token}");
  return `is read by the URL parser as "${shown}" (write it exactly that way)`;
}

/** True for the host names of this machine: `localhost`, `127.x.x.x` and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === "[::1]";
}
