/** A checked address, lower-cased (the store's key), or why it is not one. */
export type AddressResult = { ok: true; email: string } | { ok: false; reason: string };

// RFC 5321/5322 dot-atom local part (no quoted strings, no comments), at most 64 octets.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// One DNS label (RFC 1035, with punycode "xn--" labels allowed).
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LABEL = /^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Strict address validation for public forms (pure): `local@domain` with a dot-atom local part of at most
 * 64 characters, a domain of at least two DNS labels with an alphabetic (or punycode) top-level label, and
 * at most 254 characters in all. Quoted local parts, IP literals, comments and non-ASCII are refused: they are
 * legal but almost never real subscribers, and they are where header and log injection hide.
 */
export function validateAddress(input: string): AddressResult {
  const text = input.trim();
  if (text === "") return { ok: false, reason: "the address is empty" };
  if (text.length > 254) return { ok: false, reason: "the address is longer than 254 characters" };
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1)
    return { ok: false, reason: "the address needs a name, an @ and a domain (name@example.org)" };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64) return { ok: false, reason: "the part before the @ is longer than 64 characters" };
  if (!LOCAL.test(local))
    return { ok: false, reason: "the part before the @ has characters that are not allowed" };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TOP_LABEL.test(labels.at(-1) ?? ""))
    return { ok: false, reason: `"${domain}" is not a domain name (expected something like example.org)` };
  return { ok: true, email: text.toLowerCase() };
}
