import { createHmac } from "node:crypto";

/** The environment variable that holds the secret behind `{token}`. */
export const UNSUBSCRIBE_SECRET_ENV = "GAZETTE_UNSUBSCRIBE_SECRET";

/** The shortest secret accepted, in bytes (UTF-8): a shorter one can be guessed, and every token with it. */
export const MIN_SECRET_BYTES = 32;

/**
 * Why the unsubscribe secret cannot sign tokens, or null when it can: it must be set and carry at least
 * 32 bytes.
 */
export function secretProblem(secret: string | null | undefined): string | null {
  const how = "make one with: openssl rand -base64 32";
  if (!secret)
    return `${UNSUBSCRIBE_SECRET_ENV} is not set: unsubscribe_url uses {token}, which is signed with it (${how})`;
  const bytes = Buffer.byteLength(secret, "utf8");
  if (bytes < MIN_SECRET_BYTES)
    return `${UNSUBSCRIBE_SECRET_ENV} has ${bytes} bytes (expected at least ${MIN_SECRET_BYTES}, or anyone could forge unsubscribe links; ${how})`;
  return null;
}

/** `{token}`: HMAC-SHA256 of the lower-cased address under the secret, base64url (no padding). */
export function unsubscribeToken(email: string, secret: string): string {
  return createHmac("sha256", secret).update(email.toLowerCase()).digest("base64url");
}

/** True when the template asks for a token, so sending needs the secret. */
export function needsToken(template: string | null): boolean {
  return template?.includes("{token}") ?? false;
}

/**
 * Fills the `unsubscribe_url` template for one recipient (`{email}` percent-encoded), or for no one (both
 * empty: the generic page, for the built issue). A merge tag (`*|UNSUB|*`) has no placeholders and comes
 * back as it is, for the email service to fill.
 */
export function fillUnsubscribeUrl(
  template: string,
  recipient: { email: string; token: string } | null,
): string {
  return template
    .replaceAll("{email}", recipient ? encodeURIComponent(recipient.email) : "")
    .replaceAll("{token}", recipient ? recipient.token : "");
}

export interface ListUnsubscribe {
  /** `<https://…>, <mailto:…>`: the value of the one `List-Unsubscribe` header. */
  listUnsubscribe: string;
  /** `List-Unsubscribe=One-Click` when the URL is https (RFC 8058), else null. */
  listUnsubscribePost: string | null;
}

/**
 * The `List-Unsubscribe` headers (RFC 2369, RFC 8058): the filled URL when it is a web address, and the
 * mailto address; a merge tag goes in only when there is no mailto, since the header must always be there.
 */
export function listUnsubscribeHeaders(url: string | null, mailto: string | null): ListUnsubscribe {
  const web = url !== null && /^https?:\/\//i.test(url);
  const parts: string[] = [];
  if (web) parts.push(`<${url}>`);
  if (mailto !== null) parts.push(`<mailto:${mailto}?subject=unsubscribe>`);
  if (parts.length === 0 && url !== null) parts.push(`<${url}>`);
  return {
    listUnsubscribe: parts.join(", "),
    listUnsubscribePost: web && /^https:\/\//i.test(url ?? "") ? "List-Unsubscribe=One-Click" : null,
  };
}

/**
 * One recipient's unsubscribe link: the template filled with their address and token, or the mailto
 * address when there is no template. `secret` may be null only when the template has no `{token}`.
 */
export function recipientUnsubscribeUrl(
  template: string | null,
  mailto: string | null,
  email: string,
  secret: string | null,
): string {
  if (template === null) return `mailto:${mailto}?subject=unsubscribe`;
  const token = secret === null ? "" : unsubscribeToken(email, secret);
  return fillUnsubscribeUrl(template, { email, token });
}
