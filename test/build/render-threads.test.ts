import os from "node:os";
import { Worker } from "node:worker_threads";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createRenderPool } from "../../src/build/render-pool.ts";
import {
  defaultJobs,
  earlyError,
  keepEarlyError,
  startRenderThreads,
} from "../../src/build/render-threads.ts";
import { parseArticleFile } from "../../src/cache/article-store.ts";
import { articleText } from "./fixture-site.ts";

const start = suite("startRenderThreads");

start("starts workers before any pool, which a pool then takes and ends", async () => {
  const threads = startRenderThreads(2);
  assert.is(threads.length, 2);
  let exited = 0;
  for (const thread of threads) thread.on("exit", () => exited++);
  const pool = createRenderPool({
    jobs: 5,
    root: "/nowhere",
    templatesDir: "/nowhere",
    staging: "/nowhere",
    threads,
  });
  assert.is(pool.size, 2);
  const files = Array.from({ length: 80 }, (_, i) => ({
    file: `articles/a-${i}.md`,
    name: `a-${i}.md`,
    bytes: new TextEncoder().encode(articleText({ title: `A ${i}`, date: "2019-01-31" })),
  }));
  assert.equal(
    await pool.parse(files, "UTC"),
    files.map((file) => parseArticleFile(file, "UTC")),
  );
  await pool.close();
  assert.is(exited, 2);
});

start.run();

const jobs = suite("defaultJobs");

jobs("is one per core, at least one", () => {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  assert.is(defaultJobs(), Math.max(1, cores));
});

jobs.run();

const early = suite("keepEarlyError");

early("keeps a thread's first error for the pool instead of letting it end the process", async () => {
  const thread = keepEarlyError(new Worker("throw new Error('no modules')", { eval: true }));
  await new Promise((resolve) => thread.on("exit", resolve));
  assert.match(earlyError(thread)?.message ?? "", "no modules");
  const pool = createRenderPool({ jobs: 1, root: "/", templatesDir: "/", staging: "/", threads: [thread] });
  const failed = await pool
    .parse([{ file: "a.md", name: "a.md", bytes: new Uint8Array() }], "UTC")
    .catch((e) => e);
  assert.match(String(failed), "no modules");
  await pool.close();
});

early.run();

const errorOf = suite("earlyError");

errorOf("is null for a thread that started well, or that nobody watched", async () => {
  const [thread] = startRenderThreads(1);
  if (!thread) throw new Error("no thread");
  assert.is(earlyError(thread), null);
  await thread.terminate();
  assert.is(earlyError(new Worker("0", { eval: true })), null);
});

errorOf.run();
