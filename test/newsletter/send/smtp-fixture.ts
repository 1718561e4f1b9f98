import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

/** The test certificate for 127.0.0.1 (test/fixtures/tls/README.md). */
export const TEST_CERT = readFileSync(new URL("../../fixtures/tls/relay-cert.pem", import.meta.url), "utf8");
const TEST_KEY = readFileSync(new URL("../../fixtures/tls/relay-key.pem", import.meta.url), "utf8");

/** A login the relay saw: who, with what password, and whether the connection was encrypted then. */
export interface AuthAttempt {
  user: string;
  pass: string;
  secure: boolean;
}

/** A message the test relay accepted. */
export interface Delivered {
  to: string;
  raw: Buffer;
}

export interface FixtureRules {
  /** Refused at RCPT with 550, every time. */
  refuse550?: (to: string) => boolean;
  /** Refused at RCPT with 421 the first time (the server then closes the connection). */
  refuse421Once?: (to: string) => boolean;
  /** The connection is dropped once, after the message's data and before the 250. */
  dropOnce?: (to: string) => boolean;
  /** Called with each message before the 250 (e.g. to kill the sender at that moment). */
  beforeAccept?: (message: Delivered, count: number) => void;
  /** Called at each RCPT TO before the relay answers (e.g. to kill the sender then). */
  atRcpt?: (to: string) => void;
  /** Awaited before the 250 of each message (to hold the sender at that point). */
  holdAccept?: (message: Delivered, count: number) => Promise<void>;
  /** Called just after the relay answered 250 to a message. */
  afterAccept?: (message: Delivered, count: number) => void;
  /** Offer STARTTLS with the test certificate (default: no TLS at all). */
  starttls?: boolean;
  /** Offer AUTH, accepting this user and password (in clear too, as a careless relay would). */
  auth?: { user: string; pass: string };
}

/**
 * A real SMTP server on 127.0.0.1 that records what it accepts: by default without TLS or AUTH; with
 * `starttls` and `auth`, as a relay that wants a login.
 */
export async function startRelay(rules: FixtureRules = {}) {
  const delivered: Delivered[] = [];
  const refused421 = new Set<string>();
  const dropped = new Set<string>();
  const auths: AuthAttempt[] = [];
  const disabled = [...(rules.starttls ? [] : ["STARTTLS"]), ...(rules.auth ? [] : ["AUTH"])];
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: disabled,
    allowInsecureAuth: true,
    ...(rules.starttls ? { key: TEST_KEY, cert: TEST_CERT } : {}),
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, session, callback) {
      auths.push({ user: auth.username ?? "", pass: auth.password ?? "", secure: session.secure });
      if (auth.username === rules.auth?.user && auth.password === rules.auth?.pass)
        return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      const to = address.address;
      rules.atRcpt?.(to);
      const refuse = (code: number, text: string): void => {
        const e = new Error(text) as Error & { responseCode: number };
        e.responseCode = code;
        callback(e);
      };
      if (rules.refuse550?.(to)) return refuse(550, "5.1.1 No such user");
      if (rules.refuse421Once?.(to) && !refused421.has(to)) {
        refused421.add(to);
        return refuse(421, "4.7.0 Try again later");
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo[0]?.address ?? "";
        if (rules.dropOnce?.(to) && !dropped.has(to)) {
          dropped.add(to);
          const connections = (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> })
            .connections;
          for (const c of connections) c._socket.destroy();
          return;
        }
        const message = { to, raw: Buffer.concat(chunks) };
        delivered.push(message);
        rules.beforeAccept?.(message, delivered.length);
        const count = delivered.length;
        const accept = (): void => {
          callback(null, "2.0.0 Queued");
          rules.afterAccept?.(message, count);
        };
        if (rules.holdAccept) rules.holdAccept(message, count).then(accept, accept);
        else accept();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    delivered,
    auths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
