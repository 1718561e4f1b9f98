import type { Query, SqlDriver } from "./sql-driver.ts";

/** One schema change: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  description: string;
  /**
   * Statements run in one transaction: the same SQL on SQLite and PostgreSQL, or, where one of them has a
   * better way, each its own.
   */
  statements: readonly (string | { sqlite: string; postgres: string })[];
}

const RATE_LIMITS = `CREATE %sTABLE rate_limits (
  bucket TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  hits INTEGER NOT NULL
)`;

/** The schema, as the list of changes that make it. Append; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "subscribers",
    statements: [
      `CREATE TABLE subscribers (
        email TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced', 'complained')),
        name TEXT,
        topics TEXT NOT NULL DEFAULT '',
        soft_bounces INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    description: "confirmation mails counted per address and day",
    statements: [
      "ALTER TABLE subscribers ADD COLUMN confirm_day TEXT",
      "ALTER TABLE subscribers ADD COLUMN confirm_mails INTEGER NOT NULL DEFAULT 0",
    ],
  },
  {
    version: 3,
    description: "subscribers by status (sending reads the confirmed ones)",
    statements: ["CREATE INDEX subscribers_by_status ON subscribers (status, created, email)"],
  },
  {
    version: 4,
    description: "form posts counted per client in the database, so the limit holds across instances",
    statements: [
      // `bucket` is a keyed hash of the client address (never the address itself); `window_start` the ISO
      // start of its fixed window. In PostgreSQL the table is UNLOGGED: counts that last ten minutes need
      // no write-ahead log, so a form post commits (and waits for the disk) once, for its subscriber row;
      // after a crash the counts start again from zero.
      {
        sqlite: RATE_LIMITS.replace("%s", ""),
        postgres: RATE_LIMITS.replace("%s", "UNLOGGED "),
      },
      "CREATE INDEX rate_limits_by_window ON rate_limits (window_start)",
    ],
  },
];

/** The schema version the code expects. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

async function appliedVersion(query: Query): Promise<number> {
  const rows = await query<{ v: number | string | null }>("SELECT MAX(version) AS v FROM schema_migrations");
  return Number(rows[0]?.v ?? 0);
}

/**
 * Brings the database up to date: creates `schema_migrations` if needed, then applies each migration newer
 * than the recorded version, all in one exclusive transaction (so concurrent starts are safe). Returns the
 * version now in force. A database newer than the code is an error, not a downgrade.
 */
export async function migrate(driver: SqlDriver, now: Date): Promise<number> {
  return driver.transaction(
    async (query) => {
      await query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)",
      );
      const current = await appliedVersion(query);
      if (current > SCHEMA_VERSION)
        throw new Error(
          `the subscribers database has schema version ${current}, newer than this Gazette (${SCHEMA_VERSION}): update Gazette`,
        );
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        for (const sql of m.statements) await query(typeof sql === "string" ? sql : sql[driver.kind]);
        await query("INSERT INTO schema_migrations (version, description, applied) VALUES (?, ?, ?)", [
          m.version,
          m.description,
          now.toISOString(),
        ]);
      }
      return SCHEMA_VERSION;
    },
    { exclusive: true },
  );
}
