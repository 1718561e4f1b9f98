/** How a failed hand-off to the relay counts. */
export interface SmtpFailure {
  /** 5xx: the relay refused the message for good. Anything else (4xx, a dropped connection) is temporary. */
  permanent: boolean;
  /** The relay's reply, or the error's message, on one line. */
  response: string;
}

/**
 * Classifies an error from nodemailer's SMTP transport (RFC 5321 4.2.1: 4yz transient, 5yz permanent).
 * Without a reply code the connection failed before the relay answered 250: it did not take the message.
 */
export function classifySmtpError(e: unknown): SmtpFailure {
  const err = e as { responseCode?: number; response?: string; message?: string; code?: string };
  const code = typeof err.responseCode === "number" ? err.responseCode : null;
  const text = (err.response ?? err.message ?? String(e)).replace(/\s+/g, " ").trim();
  const response = code !== null && !text.startsWith(String(code)) ? `${code} ${text}` : text;
  return {
    permanent: code !== null && code >= 500 && code < 600,
    response: err.code && code === null ? `${err.code}: ${response}` : response,
  };
}
