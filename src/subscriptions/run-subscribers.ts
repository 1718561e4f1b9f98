import { readFile } from "node:fs/promises";
import { formatDiagnostic } from "../shared/diagnostic.ts";
import { readTopics } from "./form-fields.ts";
import { readDsn } from "./read-dsn.ts";
import { readImportCsv } from "./read-import-csv.ts";
import { splitMbox } from "./split-mbox.ts";
import { isStatus, STATUSES, SUPPRESSED, type SubscriberStatus } from "./subscriber.ts";
import type { DeliveryEvent, SubscriberStore } from "./subscriber-store.ts";
import { validateAddress } from "./validate-address.ts";
import { writeCsv } from "./write-csv.ts";

/** Where the command's lines go. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** One `npm run subscribers -- …` invocation, parsed. */
export type SubscribersCommand =
  | { name: "list"; status: string | null; json: boolean }
  | {
      name: "add";
      email: string;
      displayName: string | null;
      status: string;
      topics: string | null;
      force: boolean;
    }
  | { name: "remove"; email: string }
  | { name: "import"; file: string }
  | { name: "export"; status: string | null }
  | { name: "bounces"; file: string; softLimit: number };

const statusList = STATUSES.join(", ");

function statusFilter(status: string | null, io: Io): SubscriberStatus | undefined | false {
  if (status === null) return undefined;
  if (isStatus(status)) return status;
  io.err(`--status "${status}" is not a status (expected one of ${statusList})`);
  return false;
}

async function readText(file: string, io: Io): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      `${file} ${code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (e as Error).message})`}`,
    );
    return null;
  }
}

/**
 * `npm run subscribers -- list|add|remove|import|export|bounces` against an open store (the CLI's logic;
 * the script opens the store and parses flags). Returns the exit code: 0 done, 1 bad input (nothing changed).
 */
export async function runSubscribers(
  command: SubscribersCommand,
  store: SubscriberStore,
  io: Io,
  now: Date,
): Promise<number> {
  switch (command.name) {
    case "list": {
      const status = statusFilter(command.status, io);
      if (status === false) return 1;
      const rows = await store.list(status);
      for (const r of rows) {
        if (command.json)
          io.out(
            JSON.stringify({
              email: r.email,
              status: r.status,
              name: r.name,
              topics: r.topics,
              created: r.created,
              updated: r.updated,
            }),
          );
        else io.out([r.email, r.status, r.name ?? "", r.topics.join(",")].join("\t").trimEnd());
      }
      if (!command.json) {
        const counts = await store.counts();
        io.err(`${rows.length} shown; in the store: ${STATUSES.map((s) => `${counts[s]} ${s}`).join(", ")}`);
      }
      return 0;
    }
    case "add": {
      const address = validateAddress(command.email);
      if (!address.ok) {
        io.err(`"${command.email}" is not used: ${address.reason}`);
        return 1;
      }
      if (!isStatus(command.status)) {
        io.err(`--status "${command.status}" is not a status (expected one of ${statusList})`);
        return 1;
      }
      const before = await store.get(address.email);
      if (before && SUPPRESSED.includes(before.status) && !command.force) {
        io.err(
          `${address.email} is ${before.status} (${before.reason ?? "no reason recorded"}): not changed (--force changes it anyway)`,
        );
        return 1;
      }
      if (before && SUPPRESSED.includes(before.status)) await store.remove(address.email);
      await store.import(
        [
          {
            email: address.email,
            status: command.status,
            name: command.displayName,
            topics: readTopics(command.topics ?? ""),
          },
        ],
        now,
      );
      io.out(`${address.email}: ${before ? `${before.status} → ` : "added, "}${command.status}`);
      return 0;
    }
    case "remove": {
      const address = validateAddress(command.email);
      const removed = address.ok && (await store.remove(address.email));
      if (!removed) {
        io.err(`${command.email} is not in the store: nothing removed`);
        return 1;
      }
      io.out(`${address.email}: removed (forgotten, suppression included)`);
      return 0;
    }
    case "import": {
      const text = await readText(command.file, io);
      if (text === null) return 1;
      const { rows, diagnostics } = readImportCsv(text, command.file);
      for (const d of diagnostics) io.err(formatDiagnostic(d));
      if (diagnostics.some((d) => d.severity === "error")) return 1;
      const outcome = await store.import(rows, now);
      io.out(
        `Imported ${command.file}: ${outcome.added} added, ${outcome.updated} updated, ${outcome.keptSuppressed} kept as bounced or complained, ${diagnostics.length} skipped`,
      );
      return 0;
    }
    case "export": {
      const status = statusFilter(command.status, io);
      if (status === false) return 1;
      io.out(writeCsv(await store.list(status)).trimEnd());
      return 0;
    }
    case "bounces": {
      const text = await readText(command.file, io);
      if (text === null) return 1;
      const messages = splitMbox(text);
      if (messages.length === 0) {
        io.err(
          `${command.file} holds no messages (expected an mbox file: each message after a "From " line)`,
        );
        return 1;
      }
      const events: DeliveryEvent[] = [];
      let reports = 0;
      for (const m of messages) {
        const dsn = await readDsn(m.raw);
        if (dsn.isDsn) reports++;
        events.push(...dsn.events);
      }
      const statuses = await store.record(events, now, command.softLimit);
      for (const [i, e] of events.entries()) {
        const kind = e.kind === "hard-bounce" ? "hard bounce" : "soft bounce";
        io.out(`${e.email}: ${kind} (${e.detail}) → ${statuses[i] ?? "not in the store"}`);
      }
      io.out(
        `${command.file}: ${messages.length} messages, ${reports} delivery reports, ${events.filter((e) => e.kind === "hard-bounce").length} hard and ${events.filter((e) => e.kind === "soft-bounce").length} soft bounces`,
      );
      return 0;
    }
  }
}
