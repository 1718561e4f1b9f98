import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore } from "../../src/subscriptions/open-store.ts";
import type { SubscriberStore } from "../../src/subscriptions/subscriber-store.ts";

/** The PostgreSQL server for tests (`.ci/run` starts one); without it the PostgreSQL cases are skipped. */
export const TEST_DATABASE_URL = process.env.GAZETTE_TEST_DATABASE_URL ?? "";

let noted = false;
function noteSkip(): void {
  if (noted) return;
  noted = true;
  console.log(
    "\n  note: GAZETTE_TEST_DATABASE_URL is not set: the PostgreSQL store tests are skipped (SQLite ran).",
  );
}

/** A fresh, empty store and the environment that names it (for the CLI and the service). */
export interface OpenedStore {
  store: SubscriberStore;
  env: Record<string, string>;
  /** The project root (a temporary folder). */
  root: string;
  cleanup(): Promise<void>;
}

/** One kind of store to run a test against. */
export interface StoreCase {
  name: "sqlite" | "postgres";
  open(now?: Date): Promise<OpenedStore>;
}

const sqlite: StoreCase = {
  name: "sqlite",
  async open(now = new Date()) {
    const root = await mkdtemp(path.join(os.tmpdir(), "gazette-subs-"));
    const env = { GAZETTE_SUBSCRIBERS_DB: path.join(root, "data", "subscribers.db") };
    const store = await openStore(env, root, now);
    return {
      store,
      env,
      root,
      cleanup: async () => {
        await store.close().catch(() => undefined);
        await rm(root, { recursive: true, force: true });
      },
    };
  },
};

/** A schema of its own for each store, so tests (and sessions) never see each other's rows. */
const postgres: StoreCase = {
  name: "postgres",
  async open(now = new Date()) {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set("options", `-c search_path=${schema}`);
    const root = await mkdtemp(path.join(os.tmpdir(), "gazette-subs-"));
    const env = { DATABASE_URL: url.toString() };
    const store = await openStore(env, root, now);
    return {
      store,
      env,
      root,
      cleanup: async () => {
        await store.close().catch(() => undefined);
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
        await rm(root, { recursive: true, force: true });
      },
    };
  },
};

/** SQLite always; PostgreSQL when `GAZETTE_TEST_DATABASE_URL` is set (with a visible note when not). */
export function storeCases(): StoreCase[] {
  if (!TEST_DATABASE_URL) noteSkip();
  return TEST_DATABASE_URL ? [sqlite, postgres] : [sqlite];
}
