import os from "node:os";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createRenderPool } from "../../src/build/render-pool.ts";
import { defaultJobs, startRenderThreads } from "../../src/build/render-threads.ts";
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
