/**
 * Why a request target cannot name a file of the site, or null when it can. The dev server answers 400 to
 * such a request instead of passing it on (its file lookup throws on bad percent-encoding, which would
 * end the process). Refused: a target that is not an absolute path (`*`, `http://…`), bad
 * percent-encoding, a NUL or other control character, a backslash, and `.` or `..` segments, raw or
 * percent-encoded.
 */
export function checkRequestPath(target: string): string | null {
  const end = target.search(/[?#]/);
  const raw = end === -1 ? target : target.slice(0, end);
  if (!raw.startsWith("/")) return "the request path does not start with /";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return "the request path has malformed percent-encoding";
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001F\u007F]/.test(decoded)) return "the request path holds a control character";
  if (decoded.includes("\\")) return "the request path holds a backslash";
  if (decoded.split("/").some((segment) => segment === "." || segment === ".."))
    return "the request path holds a . or .. segment";
  return null;
}
