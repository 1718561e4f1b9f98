import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

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
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that records what it accepts. */
export async function startRelay(rules: FixtureRules = {}) {
  const delivered: Delivered[] = [];
  const refused421 = new Set<string>();
  const dropped = new Set<string>();
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      const to = address.address;
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
        callback(null, "2.0.0 Queued");
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
