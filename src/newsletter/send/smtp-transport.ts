import { Readable } from "node:stream";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import type { Deliver } from "./send-issue.ts";
import type { SmtpSettings } from "./smtp-settings.ts";

/** A connection to the relay (the edge): deliver messages, then close. */
export interface Relay {
  /** Connects (and logs in) now, so that a relay that will not take us is known before the first message. */
  ready(): Promise<void>;
  deliver: Deliver;
  close(): void;
}

type Connection = InstanceType<typeof SMTPConnection>;

function connectionError(message: string): Error {
  return Object.assign(new Error(message), { code: "ECONNECTION" });
}

/** Network trouble while connecting: temporary, retried like a dropped connection. */
const NETWORK = new Set(["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS", "ECONNREFUSED", "ECONNRESET"]);

/**
 * A relay that will not talk to us as configured (no STARTTLS although credentials need it, a refused
 * login, no AUTH) fails every message the same way: the error says so with `fatal`, and the send stops
 * instead of marking each recipient refused.
 */
function setupError(e: Error, fatal = true): Error {
  const code = (e as { code?: string }).code ?? "";
  return Object.assign(e, { fatal: fatal && !NETWORK.has(code) });
}

/**
 * The message as a stream that ends only after `handing` resolved: SMTP's end-of-data mark (after which
 * the relay may take the message) goes out after the whole message, so the log's `pending` line is on
 * disk before the relay can have it, and a crash before that line leaves nothing it could have taken.
 */
function messageStream(raw: Buffer, handing: () => Promise<void>): Readable {
  let step = 0;
  return new Readable({
    read() {
      if (step === 0) {
        step = 1;
        this.push(raw);
      } else if (step === 1) {
        step = 2;
        handing().then(
          () => this.push(null),
          (e: Error) => this.destroy(e),
        );
      }
    },
  });
}

/**
 * One connection to the relay with nodemailer's SMTP client, opened on first use, reused between
 * messages, and opened again after any error. With credentials it logs in only over TLS (TLS from the
 * start, or STARTTLS that `requireTLS` makes mandatory) unless `SMTP_INSECURE` said otherwise; a relay
 * that offers no AUTH is an error rather than a silent unauthenticated send.
 */
export function openRelay(settings: SmtpSettings, envelopeFrom: string): Relay {
  let current: Promise<Connection> | null = null;
  const drop = (conn: Connection): void => {
    conn.close();
  };

  const connect = (): Promise<Connection> =>
    new Promise((resolve, reject) => {
      const conn: Connection = new SMTPConnection({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        requireTLS: settings.requireTLS,
        tls: { ...(settings.insecure ? { rejectUnauthorized: false } : {}), ...settings.tls },
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
        logger: false,
      });
      let ready = false;
      const forget = (): void => {
        if (ready) current = null;
      };
      conn.on("error", (e: Error) => {
        forget();
        if (!ready) reject(setupError(e));
      });
      conn.on("end", forget);
      conn.connect((err) => {
        if (err) return reject(setupError(err));
        const opened = (): void => {
          ready = true;
          resolve(conn);
        };
        if (!settings.auth) return opened();
        if (!conn.secure && !settings.insecure) {
          drop(conn);
          return reject(
            setupError(
              Object.assign(
                new Error(`${settings.label} is not encrypted: credentials are sent only over TLS`),
                {
                  code: "ETLS",
                },
              ),
            ),
          );
        }
        if (!conn.allowsAuth) {
          drop(conn);
          return reject(
            setupError(
              Object.assign(new Error(`${settings.label} offers no AUTH, but SMTP_USER is set`), {
                code: "EAUTH",
              }),
            ),
          );
        }
        conn.login(settings.auth, (loginError) => {
          if (loginError) {
            drop(conn);
            return reject(setupError(loginError));
          }
          opened();
        });
      });
    });

  const connection = (): Promise<Connection> => {
    if (!current) {
      current = connect();
      current.catch(() => {
        current = null;
      });
    }
    return current;
  };

  return {
    ready: async () => {
      await connection();
    },
    deliver: async (to, raw, handing) => {
      const conn = await connection();
      return new Promise<string>((resolve, reject) => {
        let done = false;
        const finish = (err: Error | null, response = ""): void => {
          if (done) return;
          done = true;
          conn.removeListener("error", onError);
          conn.removeListener("end", onEnd);
          if (!err) {
            resolve(response);
            return;
          }
          // Whatever went wrong, the next message starts on a fresh connection.
          current = null;
          drop(conn);
          reject(err);
        };
        const onError = (e: Error): void => finish(e);
        const onEnd = (): void => finish(connectionError("the relay closed the connection"));
        conn.on("error", onError);
        conn.on("end", onEnd);
        conn.send({ from: envelopeFrom, to: [to] }, messageStream(raw, handing), (err, info) => {
          if (err) finish(err);
          else finish(null, String(info?.response ?? "250"));
        });
      });
    },
    close: () => {
      const open = current;
      current = null;
      open?.then((conn) => conn.quit()).catch(() => {});
    },
  };
}
