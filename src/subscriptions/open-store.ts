import path from "node:path";
import { openPostgresDriver } from "./postgres-driver.ts";
import { openSqliteDriver } from "./sqlite-driver.ts";
import { createSubscriberStore, type SubscriberStore } from "./subscriber-store.ts";

/** The SQLite file when no `GAZETTE_SUBSCRIBERS_DB` is set, relative to the project root. */
export const DEFAULT_DB = "data/subscribers.db";

/** Where the store lives, for messages: `sqlite data/subscribers.db` or `postgres host:5432/db`. */
export function storeLabel(env: Record<string, string | undefined>, root: string): string {
  if (env.DATABASE_URL) {
    try {
      const url = new URL(env.DATABASE_URL);
      return `postgres ${url.host}${url.pathname}`;
    } catch {
      return "postgres (DATABASE_URL)";
    }
  }
  return `sqlite ${path.relative(root, storeFile(env, root)) || storeFile(env, root)}`;
}

function storeFile(env: Record<string, string | undefined>, root: string): string {
  return path.resolve(root, env.GAZETTE_SUBSCRIBERS_DB || DEFAULT_DB);
}

/**
 * Opens the subscribers store the environment names (the edge): PostgreSQL when `DATABASE_URL` is set
 * (`postgres://…`), otherwise the SQLite file `GAZETTE_SUBSCRIBERS_DB` (default `data/subscribers.db` under
 * `root`). Migrates the schema before returning. Errors are thrown with a message fit for the user.
 */
export async function openStore(
  env: Record<string, string | undefined>,
  root: string,
  now: Date,
): Promise<SubscriberStore> {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error("DATABASE_URL is not a PostgreSQL URL (expected postgres://user:pass@host:5432/db)");
    const driver = openPostgresDriver(url);
    try {
      return await createSubscriberStore(driver, now);
    } catch (e) {
      await driver.close().catch(() => undefined);
      throw new Error(
        `cannot open the subscribers database (${storeLabel(env, root)}): ${(e as Error).message}`,
      );
    }
  }
  const file = storeFile(env, root);
  let driver: ReturnType<typeof openSqliteDriver>;
  try {
    driver = openSqliteDriver(file);
  } catch (e) {
    throw new Error(`cannot open the subscribers database ${file}: ${(e as Error).message}`);
  }
  try {
    return await createSubscriberStore(driver, now);
  } catch (e) {
    await driver.close().catch(() => undefined);
    throw new Error(`cannot open the subscribers database ${file}: ${(e as Error).message}`);
  }
}
