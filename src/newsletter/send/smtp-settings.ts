import type { ConnectionOptions } from "node:tls";

/** What the SMTP connection needs; credentials only from the environment. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465, `smtps://`); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /**
   * Refuse to go on unless STARTTLS succeeds: set whenever there are credentials on a connection that is
   * not TLS from the start, so a relay that offers no STARTTLS never sees the password.
   */
  requireTLS: boolean;
  auth: { user: string; pass: string } | null;
  /** `SMTP_INSECURE=true`: a loopback relay may get the password in clear, and its certificate is not checked. */
  insecure: boolean;
  /** Extra TLS options (such as a test's own certificate authority); none from the environment. */
  tls?: ConnectionOptions;
  /** `smtp://host:port` without credentials, for messages. */
  label: string;
}

export type SmtpSettingsResult =
  | { ok: true; settings: SmtpSettings; warnings: string[] }
  | { ok: false; message: string };

const HOW =
  "set SMTP_URL (smtp://user:pass@host:587 or smtps://…) or SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS";

/** True for this machine: `localhost`, `127.x.x.x`, `::1`. */
function isLoopback(host: string): boolean {
  return host === "localhost" || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1";
}

function flag(env: Record<string, string | undefined>, name: string): boolean | null | string {
  const text = (env[name] ?? "").trim().toLowerCase();
  if (text === "") return null;
  if (text === "true" || text === "false") return text === "true";
  return `${name} is "${env[name]}" (expected true or false)`;
}

function settings(
  host: string,
  port: number,
  secure: boolean,
  user: string,
  pass: string,
  insecure: boolean,
): SmtpSettingsResult {
  const auth = user ? { user, pass } : null;
  const label = `${secure ? "smtps" : "smtp"}://${host}:${port}`;
  if (insecure && !isLoopback(host))
    return {
      ok: false,
      message: `SMTP_INSECURE=true is only for a relay on this machine (localhost or 127.0.0.1), not ${host}: use STARTTLS (port 587) or SMTP_SECURE=true (port 465)`,
    };
  const warnings =
    insecure && auth && !secure
      ? [
          `warning: SMTP_INSECURE=true: the password for ${label} goes in clear if the relay offers no STARTTLS, and its certificate is not checked`,
        ]
      : insecure
        ? [`warning: SMTP_INSECURE=true: the certificate of ${label} is not checked`]
        : [];
  return {
    ok: true,
    settings: {
      host,
      port,
      secure,
      requireTLS: auth !== null && !secure && !insecure,
      auth,
      insecure,
      label,
    },
    warnings,
  };
}

/**
 * Reads the SMTP settings from the environment (pure: the environment is passed in): `SMTP_URL`, or
 * `SMTP_HOST` with `SMTP_PORT` (default 587, or 465 when secure), `SMTP_USER`, `SMTP_PASS` and
 * `SMTP_SECURE` (`true`/`false`, default true on port 465). With credentials, TLS is required: TLS from
 * the start, or STARTTLS that must succeed before the password is sent. `SMTP_INSECURE=true` lifts that,
 * with a warning, for a relay on this machine only.
 */
export function smtpSettings(env: Record<string, string | undefined>): SmtpSettingsResult {
  const insecure = flag(env, "SMTP_INSECURE");
  if (typeof insecure === "string") return { ok: false, message: insecure };
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
    let user: string;
    let pass: string;
    try {
      user = decodeURIComponent(url.username);
      pass = decodeURIComponent(url.password);
    } catch {
      return { ok: false, message: "SMTP_URL has a user or password that is not percent-encoded correctly" };
    }
    return settings(host, port, secure, user, pass, insecure === true);
  }
  const host = env.SMTP_HOST?.trim();
  if (!host) return { ok: false, message: `no SMTP relay configured: ${HOW}` };
  const secureFlag = flag(env, "SMTP_SECURE");
  if (typeof secureFlag === "string") return { ok: false, message: secureFlag };
  const portText = env.SMTP_PORT?.trim();
  if (portText && !/^\d{1,5}$/.test(portText))
    return { ok: false, message: `SMTP_PORT is "${portText}" (expected a port number such as 587)` };
  const secure = secureFlag === null ? portText === "465" : secureFlag;
  const port = portText ? Number(portText) : secure ? 465 : 587;
  const user = env.SMTP_USER ?? "";
  if (user && !env.SMTP_PASS)
    return { ok: false, message: "SMTP_USER is set but SMTP_PASS is not (set both, or neither)" };
  return settings(host, port, secure, user, env.SMTP_PASS ?? "", insecure === true);
}
