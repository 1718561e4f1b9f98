import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "libsql";
import type { Query, SqlDriver } from "./sql-driver.ts";

type Statement = { reader: boolean; all(...p: unknown[]): unknown[]; run(...p: unknown[]): unknown };
type Connection = {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
};

/** Makes the database and its WAL files readable by their owner only: the file holds subscriber addresses. */
function restrict(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * Opens (creating if needed) an SQLite database file through libsql, in WAL mode with a busy timeout, file
 * mode 0600 and its folder 0700. Every call runs in turn on the one connection (libsql is synchronous), so a
 * transaction is never interleaved with another request's statements.
 */
export function openSqliteDriver(file: string): SqlDriver {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  const db = new Database(file) as unknown as Connection;
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
  restrict(file);
  const statements = new Map<string, Statement>();
  const run = <T>(sql: string, params: readonly unknown[] = []): T[] => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  };
  // One queue for the connection: each call (or whole transaction) waits for the one before.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
  const query: Query = (sql, params) => serial(() => run(sql, params));
  let restricted = false;
  return {
    kind: "sqlite",
    query,
    transaction: (fn, options) =>
      serial(async () => {
        db.exec(options?.exclusive ? "BEGIN IMMEDIATE" : "BEGIN");
        const inner: Query = async (sql, params) => run(sql, params);
        try {
          const result = await fn(inner);
          db.exec("COMMIT");
          if (!restricted) {
            restrict(file);
            restricted = true;
          }
          return result;
        } catch (e) {
          db.exec("ROLLBACK");
          throw e;
        }
      }),
    close: () => serial(() => db.close()),
  };
}
