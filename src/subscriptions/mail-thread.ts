import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SmtpSettings } from "../newsletter/send/smtp-settings.ts";
import type { ConfirmationSender, SendFailure } from "./confirmation-sender.ts";
import type { MailQueueOptions } from "./mail-queue.ts";
import type { MailWorkerData, MailWorkerRequest } from "./mail-worker.ts";

type WorkerMessage =
  | { type: "sent" }
  | { type: "failure"; failure: SendFailure }
  | { type: "drained" | "stopped"; id: number };

/**
 * The worker running `mail-worker`: the .ts file from source, under tsx (registered in the worker itself:
 * a worker does not always inherit the loader, e.g. under the tsx command), or the .js file once compiled.
 */
function spawnWorker(data: MailWorkerData): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./mail-worker.js", import.meta.url), { workerData: data });
  const entry = new URL("./mail-worker.ts", import.meta.url).href;
  // tsx's ESM API (`tsx/esm/api`), found from its package's main file (dist/loader.mjs).
  const tsx = new URL("esm/api/index.mjs", pathToFileURL(createRequire(import.meta.url).resolve("tsx"))).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

/**
 * Confirmation mails composed and sent in a worker thread (`mail-worker.ts`), so that MIME composition and
 * the SMTP dialogue never hold up the thread answering form posts (on two cores they run side by side).
 * This side bounds the queue (`capacity`, default 1000 mails not yet sent or given up); the worker retries
 * and reports each mail not sent to `onFailure`. If the thread dies, every mail it held is reported lost
 * and later ones are refused (logged by the caller as dropped).
 */
export function startMailThread(
  smtp: SmtpSettings,
  envelope: string,
  onFailure: (f: SendFailure) => void,
  log: (line: string) => void,
  options: Pick<MailQueueOptions, "concurrency" | "retryDelays" | "capacity"> = {},
): ConfirmationSender {
  const capacity = options.capacity ?? 1000;
  const data: MailWorkerData = {
    smtp,
    envelope,
    options: {
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.retryDelays !== undefined ? { retryDelays: options.retryDelays } : {}),
    },
  };
  const worker = spawnWorker(data);
  // Not unref'd: mails still queued keep the process alive until `stop` (the service's `close`).
  let pending = 0;
  let alive = true;
  let nextId = 0;
  const waiting = new Map<number, () => void>();
  const idle: (() => void)[] = [];
  const settle = (): void => {
    if (pending === 0) for (const resolve of idle.splice(0)) resolve();
  };
  const lost = (why: string): void => {
    if (!alive) return;
    alive = false;
    if (pending > 0) log(`confirmation mail thread stopped (${why}): ${pending} mails not sent`);
    pending = 0;
    settle();
    for (const resolve of waiting.values()) resolve();
    waiting.clear();
  };
  worker.on("message", (message: WorkerMessage) => {
    if (message.type === "sent" || message.type === "failure") {
      pending = Math.max(0, pending - 1);
      if (message.type === "failure") onFailure(message.failure);
      settle();
    } else {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    }
  });
  worker.on("error", (e) => lost(e.message));
  worker.on("exit", (code) => lost(`exit code ${code}`));
  const ask = (type: "drain" | "stop"): Promise<void> => {
    if (!alive) return Promise.resolve();
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ type, id } satisfies MailWorkerRequest);
    });
  };
  return {
    send(mail, now) {
      if (!alive || pending >= capacity) return false;
      pending++;
      worker.postMessage({ type: "send", mail, now: now.toISOString() } satisfies MailWorkerRequest);
      return true;
    },
    drain: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    async stop() {
      await ask("stop");
      alive = false;
      await worker.terminate();
    },
  };
}
