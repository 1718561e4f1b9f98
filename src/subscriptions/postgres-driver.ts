import pg from "pg";
import type { Query, SqlDriver } from "./sql-driver.ts";

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the store's SQL has no `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const PREPARED_MAX_PARAMS = 16;

// An arbitrary constant: the advisory lock that serialises migrations across instances.
const MIGRATION_LOCK = 7_262_013;

/**
 * A pool of connections to PostgreSQL (`postgres://user:pass@host:5432/db`). Exclusive transactions hold
 * an advisory lock, so two instances starting at once run the migrations one after the other.
 */
export function openPostgresDriver(url: string, options: { max?: number } = {}): SqlDriver {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the service; the next query reconnects.
  pool.on("error", () => {});
  // The store's statements, each converted once. Those with a few parameters (every request's statement;
  // not an import's long batches) are named: each connection then parses and plans them once, and a
  // request costs one Bind/Execute round trip.
  const converted = new Map<string, { text: string; name: string | undefined }>();
  const statement = (sql: string, params: number) => {
    let out = converted.get(sql);
    if (out === undefined) {
      out = {
        text: numberPlaceholders(sql),
        name: params > 0 && params <= PREPARED_MAX_PARAMS ? `gazette_${converted.size}` : undefined,
      };
      converted.set(sql, out);
    }
    return out;
  };
  const on =
    (client: pg.Pool | pg.PoolClient): Query =>
    async <T>(sql: string, params: readonly unknown[] = []) => {
      const { text, name } = statement(sql, params.length);
      const config = { text, values: params as unknown[], ...(name ? { name } : {}) };
      return (await client.query(config)).rows as T[];
    };
  return {
    kind: "postgres",
    query: on(pool),
    async transaction(fn, options) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        if (options?.exclusive) await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
