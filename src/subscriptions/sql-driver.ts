/** One query function: SQL with `?` placeholders, positional parameters, rows back. */
export type Query = <T = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/**
 * The little a store needs from a database: queries, transactions and closing. The SQLite and PostgreSQL
 * adapters implement it, so the store's SQL, and so its behaviour, is one and the same on both.
 */
export interface SqlDriver {
  readonly kind: "sqlite" | "postgres";
  query: Query;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. With
   * `exclusive`, no other writer (another process or instance) runs meanwhile: migrations use it.
   */
  transaction<T>(fn: (query: Query) => Promise<T>, options?: { exclusive?: boolean }): Promise<T>;
  close(): Promise<void>;
}
