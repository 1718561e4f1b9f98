import os from "node:os";
import { Worker } from "node:worker_threads";

/** Old-generation heap of each worker (MB): a worker that needs more fails the build instead of the machine. */
export const WORKER_HEAP_MB = 1024;
/**
 * Young generation of each worker (MB). Rendering makes many short-lived strings and objects: a larger
 * nursery than V8's default means fewer scavenges: about 4 CPU s less of a 10,000-article cold build
 * (paired runs), for about 25 MB more per worker.
 */
export const WORKER_YOUNG_MB = 48;

/** Run from TypeScript sources (tsx), a worker registers tsx itself first: loader hooks are per thread. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./render-worker.ts" : "./render-worker.mjs", import.meta.url);
// tsx as this module finds it: an eval'd worker would look it up from the working folder, any project's.
const SOURCE_BOOT = FROM_SOURCE
  ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`
  : "";

/** Errors of threads started here before a pool listened to them (a worker that could not start). */
const earlyErrors = new WeakMap<Worker, Error>();

/** The first error of a thread watched by `keepEarlyError` (every thread of `startRenderThreads`), or null. */
export function earlyError(thread: Worker): Error | null {
  return earlyErrors.get(thread) ?? null;
}

/** Render workers by default: one per core. */
export function defaultJobs(): number {
  return Math.max(
    1,
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
  );
}

/**
 * Starts `count` render worker threads (render-worker.ts) with a bounded heap each. They load their
 * modules at once and then wait for a render pool's messages (`createRenderPool`), which need nothing
 * from the build to start: so `npm run build` starts them first thing, while this thread loads the rest
 * of the build, and they are ready when the articles are read.
 */
export function startRenderThreads(count: number): Worker[] {
  return Array.from({ length: count }, () => {
    const thread = new Worker(FROM_SOURCE ? SOURCE_BOOT : WORKER_URL, {
      eval: FROM_SOURCE,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    return keepEarlyError(thread);
  });
}

/**
 * Listens to a thread's errors from the start and keeps the first for `earlyError`: unheard, a worker's
 * error (one that could not load its modules, say) would end this process before a pool could report it.
 */
export function keepEarlyError(thread: Worker): Worker {
  thread.on("error", (e) => {
    if (!earlyErrors.has(thread)) earlyErrors.set(thread, e);
  });
  return thread;
}
