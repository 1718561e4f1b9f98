import { migrate, SCHEMA_VERSION } from "./migrations.ts";
import type { Query, SqlDriver } from "./sql-driver.ts";
import { STATUSES, type SubscriberRecord, type SubscriberStatus } from "./subscriber.ts";

/** What a form post did: whether a confirmation mail should go out now. */
export interface SubscribeOutcome {
  /** True for a new, pending or formerly unsubscribed address within its daily allowance of mails. */
  sendConfirmation: boolean;
  status: SubscriberStatus;
}

/** A bounce, complaint or unsubscribe reported by a provider, a DSN or a relay's 5xx. */
export interface DeliveryEvent {
  email: string;
  kind: "hard-bounce" | "soft-bounce" | "complaint" | "unsubscribe";
  /** The provider's words (status code, diagnostic), kept as the reason; never shown publicly. */
  detail: string;
}

/** A row for `import` and `add`. */
export interface ImportRow {
  email: string;
  status: SubscriberStatus;
  name: string | null;
  topics: string[];
}

/** What an import changed. */
export interface ImportOutcome {
  added: number;
  updated: number;
  /** Rows whose address the store already suppresses (bounced, complained): left as they are. */
  keptSuppressed: number;
}

/** The subscribers, with the same behaviour whatever database holds them. */
export interface SubscriberStore {
  readonly kind: "sqlite" | "postgres";
  /** The schema version in force. */
  readonly schemaVersion: number;
  /**
   * A form post: a new address becomes `pending`; a pending or unsubscribed one is (again) `pending` with the
   * new name and topics; confirmed, bounced and complained addresses are left alone (no duplicate row, no
   * re-subscription). At most `mailsPerDay` confirmation mails per address and UTC day.
   */
  subscribe(
    input: { email: string; name: string | null; topics: string[] },
    now: Date,
    mailsPerDay: number,
  ): Promise<SubscribeOutcome>;
  /** `pending` becomes `confirmed`; returns the status afterwards, or null for an unknown address. */
  confirm(email: string, now: Date): Promise<SubscriberStatus | null>;
  /** `pending` or `confirmed` becomes `unsubscribed`; returns the status afterwards, or null if unknown. */
  unsubscribe(email: string, now: Date): Promise<SubscriberStatus | null>;
  /**
   * Applies delivery events: a hard bounce or complaint suppresses the address for good (recorded even if it
   * was never a subscriber, so a later form post cannot add it); soft bounces count, and at `softLimit` the
   * address counts as bounced; an unsubscribe is an unsubscribe. Returns each address's status afterwards.
   */
  record(
    events: readonly DeliveryEvent[],
    now: Date,
    softLimit: number,
  ): Promise<(SubscriberStatus | null)[]>;
  get(email: string): Promise<SubscriberRecord | null>;
  /** Every row (or those of one status), by address. */
  list(status?: SubscriberStatus): Promise<SubscriberRecord[]>;
  /** The confirmed subscribers, oldest first: who an issue goes to. */
  confirmed(): Promise<{ email: string; name: string | null }[]>;
  /** Adds or updates rows in one transaction; suppressed addresses in the store stay suppressed. */
  import(rows: readonly ImportRow[], now: Date): Promise<ImportOutcome>;
  /** Deletes the row for good (the address is forgotten, suppression included); false if it was not there. */
  remove(email: string): Promise<boolean>;
  /** How many rows have each status. */
  counts(): Promise<Record<SubscriberStatus, number>>;
  /**
   * Counts one hit for `bucket` in the fixed window starting at `windowStart` (ISO) and returns the hits in
   * that window so far, this one included (a bucket's count starts again in a new window). One statement,
   * in the database: every instance sharing it counts together.
   */
  hit(bucket: string, windowStart: string): Promise<number>;
  /** Forgets the counts of windows that started before `windowStart` (ISO). */
  forgetHits(windowStart: string): Promise<void>;
  close(): Promise<void>;
}

interface Row {
  email: string;
  status: string;
  name: string | null;
  topics: string;
  soft_bounces: number | string;
  reason: string | null;
  created: string;
  updated: string;
}

const COLUMNS = "email, status, name, topics, soft_bounces, reason, created, updated";

function toRecord(row: Row): SubscriberRecord {
  return {
    email: row.email,
    status: row.status as SubscriberStatus,
    name: row.name,
    topics: row.topics === "" ? [] : row.topics.split(","),
    softBounces: Number(row.soft_bounces),
    reason: row.reason,
    created: row.created,
    updated: row.updated,
  };
}

// A form post, as one statement, so concurrent posts for one address cannot race (both databases lock the row).
const SUBSCRIBE = `INSERT INTO subscribers (email, status, name, topics, created, updated, confirm_day, confirm_mails)
  VALUES (?, 'pending', ?, ?, ?, ?, ?, 1)
  ON CONFLICT (email) DO UPDATE SET
    name = CASE WHEN subscribers.status IN ('pending', 'unsubscribed') THEN excluded.name ELSE subscribers.name END,
    topics = CASE WHEN subscribers.status IN ('pending', 'unsubscribed') THEN excluded.topics ELSE subscribers.topics END,
    confirm_mails = CASE WHEN subscribers.status NOT IN ('pending', 'unsubscribed') THEN subscribers.confirm_mails
      WHEN subscribers.confirm_day = excluded.confirm_day THEN subscribers.confirm_mails + 1 ELSE 1 END,
    confirm_day = CASE WHEN subscribers.status IN ('pending', 'unsubscribed') THEN excluded.confirm_day ELSE subscribers.confirm_day END,
    updated = CASE WHEN subscribers.status IN ('pending', 'unsubscribed') THEN excluded.updated ELSE subscribers.updated END,
    status = CASE WHEN subscribers.status = 'unsubscribed' THEN 'pending' ELSE subscribers.status END
  RETURNING status, confirm_mails`;

const SUPPRESS = `INSERT INTO subscribers (email, status, name, topics, reason, created, updated)
  VALUES (?, ?, NULL, '', ?, ?, ?)
  ON CONFLICT (email) DO UPDATE SET
    status = CASE WHEN subscribers.status = 'complained' THEN 'complained' ELSE excluded.status END,
    reason = excluded.reason,
    updated = excluded.updated
  RETURNING status`;

const SOFT_BOUNCE = `UPDATE subscribers SET
    soft_bounces = soft_bounces + 1,
    status = CASE WHEN status IN ('pending', 'confirmed') AND soft_bounces + 1 >= ? THEN 'bounced' ELSE status END,
    reason = CASE WHEN status IN ('pending', 'confirmed') AND soft_bounces + 1 >= ? THEN ? ELSE reason END,
    updated = ?
  WHERE email = ?
  RETURNING status`;

// Both databases read the old row in every SET expression, so the window test sees the stored window.
const HIT = `INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)
  ON CONFLICT (bucket) DO UPDATE SET
    hits = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END,
    window_start = excluded.window_start
  RETURNING hits`;

const IMPORT_BATCH = 500;

async function statusOf(query: Query, email: string): Promise<SubscriberStatus | null> {
  const rows = await query<{ status: string }>("SELECT status FROM subscribers WHERE email = ?", [email]);
  return (rows[0]?.status as SubscriberStatus | undefined) ?? null;
}

async function importBatch(query: Query, rows: readonly ImportRow[], at: string): Promise<ImportOutcome> {
  const emails = rows.map((r) => r.email);
  const existing = await query<{ email: string; status: string }>(
    `SELECT email, status FROM subscribers WHERE email IN (${emails.map(() => "?").join(", ")})`,
    emails,
  );
  const before = new Map(existing.map((r) => [r.email, r.status]));
  const writable = rows.filter(
    (r) => before.get(r.email) !== "bounced" && before.get(r.email) !== "complained",
  );
  if (writable.length > 0) {
    const values = writable.map(() => "(?, ?, ?, ?, ?, ?)").join(", ");
    await query(
      `INSERT INTO subscribers (email, status, name, topics, created, updated) VALUES ${values}
       ON CONFLICT (email) DO UPDATE SET status = excluded.status, name = COALESCE(excluded.name, subscribers.name),
         topics = CASE WHEN excluded.topics = '' THEN subscribers.topics ELSE excluded.topics END, updated = excluded.updated`,
      writable.flatMap((r) => [r.email, r.status, r.name, r.topics.join(","), at, at]),
    );
  }
  const updated = writable.filter((r) => before.has(r.email)).length;
  return { added: writable.length - updated, updated, keptSuppressed: rows.length - writable.length };
}

/**
 * The store over a driver (SQLite or PostgreSQL): migrates the schema, then answers every operation with the
 * same SQL on both. Rows hold lower-cased, already validated addresses.
 */
export async function createSubscriberStore(driver: SqlDriver, now: Date): Promise<SubscriberStore> {
  const schemaVersion = await migrate(driver, now);
  const { query } = driver;
  const unsubscribe = async (email: string, at: Date): Promise<SubscriberStatus | null> => {
    await query(
      "UPDATE subscribers SET status = 'unsubscribed', updated = ? WHERE email = ? AND status IN ('pending', 'confirmed')",
      [at.toISOString(), email],
    );
    return statusOf(query, email);
  };
  return {
    kind: driver.kind,
    schemaVersion,
    async subscribe(input, at, mailsPerDay) {
      const iso = at.toISOString();
      const rows = await query<{ status: string; confirm_mails: number | string }>(SUBSCRIBE, [
        input.email,
        input.name,
        input.topics.join(","),
        iso,
        iso,
        iso.slice(0, 10),
      ]);
      const row = rows[0] as { status: string; confirm_mails: number | string };
      const status = row.status as SubscriberStatus;
      return { status, sendConfirmation: status === "pending" && Number(row.confirm_mails) <= mailsPerDay };
    },
    async confirm(email, at) {
      await query(
        "UPDATE subscribers SET status = 'confirmed', soft_bounces = 0, updated = ? WHERE email = ? AND status = 'pending'",
        [at.toISOString(), email],
      );
      return statusOf(query, email);
    },
    unsubscribe,
    async record(events, at, softLimit) {
      const iso = at.toISOString();
      const out: (SubscriberStatus | null)[] = [];
      for (const e of events) {
        const reason = e.detail.slice(0, 500) || e.kind;
        if (e.kind === "hard-bounce" || e.kind === "complaint") {
          const status = e.kind === "complaint" ? "complained" : "bounced";
          const rows = await query<{ status: string }>(SUPPRESS, [e.email, status, reason, iso, iso]);
          out.push((rows[0]?.status as SubscriberStatus | undefined) ?? null);
        } else if (e.kind === "soft-bounce") {
          const rows = await query<{ status: string }>(SOFT_BOUNCE, [
            softLimit,
            softLimit,
            reason,
            iso,
            e.email,
          ]);
          out.push((rows[0]?.status as SubscriberStatus | undefined) ?? null);
        } else out.push(await unsubscribe(e.email, at));
      }
      return out;
    },
    async get(email) {
      const rows = await query<Row>(`SELECT ${COLUMNS} FROM subscribers WHERE email = ?`, [email]);
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async list(status) {
      const rows = status
        ? await query<Row>(`SELECT ${COLUMNS} FROM subscribers WHERE status = ? ORDER BY email`, [status])
        : await query<Row>(`SELECT ${COLUMNS} FROM subscribers ORDER BY email`);
      return rows.map(toRecord);
    },
    async confirmed() {
      return query<{ email: string; name: string | null }>(
        "SELECT email, name FROM subscribers WHERE status = 'confirmed' ORDER BY created, email",
      );
    },
    async import(rows, at) {
      const iso = at.toISOString();
      // The last row for an address wins, as if the rows were applied one by one.
      const unique = [...new Map(rows.map((r) => [r.email, r])).values()];
      return driver.transaction(async (q) => {
        const total: ImportOutcome = { added: 0, updated: 0, keptSuppressed: 0 };
        for (let i = 0; i < unique.length; i += IMPORT_BATCH) {
          const part = await importBatch(q, unique.slice(i, i + IMPORT_BATCH), iso);
          total.added += part.added;
          total.updated += part.updated;
          total.keptSuppressed += part.keptSuppressed;
        }
        return total;
      });
    },
    async remove(email) {
      const rows = await query<{ email: string }>("DELETE FROM subscribers WHERE email = ? RETURNING email", [
        email,
      ]);
      return rows.length > 0;
    },
    async counts() {
      const rows = await query<{ status: string; n: number | string }>(
        "SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status",
      );
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<SubscriberStatus, number>;
      for (const r of rows) counts[r.status as SubscriberStatus] = Number(r.n);
      return counts;
    },
    async hit(bucket, windowStart) {
      const rows = await query<{ hits: number | string }>(HIT, [bucket, windowStart]);
      return Number(rows[0]?.hits ?? 0);
    },
    async forgetHits(windowStart) {
      await query("DELETE FROM rate_limits WHERE window_start < ?", [windowStart]);
    },
    close: () => driver.close(),
  };
}

export { SCHEMA_VERSION };
