/** What nodemailer's SMTP transport needs; credentials only from the environment. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465, `smtps://`); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
  /** `smtp://host:port` without credentials, for messages. */
  label: string;
}

export type SmtpSettingsResult = { ok: true; settings: SmtpSettings } | { ok: false; message: string };

const HOW =
  "set SMTP_URL (smtp://user:pass@host:587 or smtps://…) or SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS";

function settings(host: string, port: number, secure: boolean, user: string, pass: string): SmtpSettings {
  return {
    host,
    port,
    secure,
    auth: user ? { user, pass } : null,
    label: `${secure ? "smtps" : "smtp"}://${host}:${port}`,
  };
}

/**
 * Reads the SMTP settings from the environment (pure: the environment is passed in): `SMTP_URL`, or
 * `SMTP_HOST` with `SMTP_PORT` (default 587, or 465 when secure), `SMTP_USER`, `SMTP_PASS` and
 * `SMTP_SECURE` (`true`/`false`, default true on port 465).
 */
export function smtpSettings(env: Record<string, string | undefined>): SmtpSettingsResult {
  if (env.SMTP_URL) {
    let url: URL;
    try {
      url = new URL(env.SMTP_URL);
    } catch {
      return { ok: false, message: `SMTP_URL is not a URL (expected smtp://user:pass@host:587)` };
    }
    if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
      return { ok: false, message: `SMTP_URL starts with "${url.protocol}" (expected smtp:// or smtps://)` };
    const secure = url.protocol === "smtps:";
    const port = url.port ? Number(url.port) : secure ? 465 : 587;
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!host) return { ok: false, message: "SMTP_URL has no host (expected smtp://user:pass@host:587)" };
    return {
      ok: true,
      settings: settings(
        host,
        port,
        secure,
        decodeURIComponent(url.username),
        decodeURIComponent(url.password),
      ),
    };
  }
  const host = env.SMTP_HOST?.trim();
  if (!host) return { ok: false, message: `no SMTP relay configured: ${HOW}` };
  const secureText = (env.SMTP_SECURE ?? "").trim().toLowerCase();
  if (secureText !== "" && secureText !== "true" && secureText !== "false")
    return { ok: false, message: `SMTP_SECURE is "${env.SMTP_SECURE}" (expected true or false)` };
  const portText = env.SMTP_PORT?.trim();
  if (portText && !/^\d{1,5}$/.test(portText))
    return { ok: false, message: `SMTP_PORT is "${portText}" (expected a port number such as 587)` };
  const secure = secureText === "" ? portText === "465" : secureText === "true";
  const port = portText ? Number(portText) : secure ? 465 : 587;
  const user = env.SMTP_USER ?? "";
  if (user && !env.SMTP_PASS)
    return { ok: false, message: "SMTP_USER is set but SMTP_PASS is not (set both, or neither)" };
  return { ok: true, settings: settings(host, port, secure, user, env.SMTP_PASS ?? "") };
}
