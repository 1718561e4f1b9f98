// `npm run bench -- --subscriptions`: the subscriptions figures, on SQLite and (with DATABASE_URL) on
// PostgreSQL: `npm run subscribers -- import` of 100,000 subscribers (CPU, median of --runs after a
// warm-up), planning a send to the 100,000 confirmed (in-process CPU: read the store, plan against the send
// log), and POST /subscribe latency at 200 requests a second on loopback (autocannon, p99).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { planSend } from "../../src/newsletter/send/plan-send.ts";
import { openStore } from "../../src/subscriptions/open-store.ts";
import { type Measurement, measure, median } from "./measure.ts";

const COUNT = 100_000;
const SECRET = randomBytes(32).toString("base64");

/** A fresh store's environment: a new SQLite file, or a new PostgreSQL schema. */
async function freshStore(
  kind: "sqlite" | "postgres",
  dir: string,
  url: string,
): Promise<Record<string, string>> {
  if (kind === "sqlite")
    return { GAZETTE_SUBSCRIBERS_DB: path.join(dir, `s-${randomBytes(4).toString("hex")}.db`) };
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return { DATABASE_URL: u.toString() };
}

async function dropSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    "SELECT nspname AS n FROM pg_namespace WHERE nspname LIKE 'bench\\_%'",
  );
  for (const r of rows) await client.query(`DROP SCHEMA ${r.n} CASCADE`);
  await client.end();
}

function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  if (!env.DATABASE_URL) delete process.env.DATABASE_URL;
  return fn().finally(() => {
    process.env = saved;
  });
}

/** Runs a script under GNU time with `env` (measure() takes the environment from this process). */
function measureWith(env: Record<string, string>, args: string[], cwd: string): Promise<Measurement> {
  return withEnv(env, () => measure(process.execPath, args, cwd));
}

// The SMTP sink for the confirmation mails runs in its own process, so its work (200 messages a second)
// does not delay autocannon's reading of the answers in this one: the figure is the service's own.
const SINK = `
import { SMTPServer } from "smtp-server";
let count = 0;
const server = new SMTPServer({
  authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false, disableReverseLookup: true,
  onData(stream, _s, cb) { stream.on("data", () => {}); stream.on("end", () => { count++; cb(); }); },
});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.server.address().port + "\\n"));
process.on("SIGTERM", () => { process.stdout.write("count " + count + "\\n"); process.exit(0); });
`;

async function startSink(repo: string) {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["--input-type=module", "-e", SINK], {
    cwd: repo,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const port = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const first = /^(\d+)\n/.exec(out);
      if (first) resolve(Number(first[1]));
    };
    child.stdout.on("data", check);
    child.once("exit", () => reject(new Error("the SMTP sink did not start")));
  });
  return {
    port,
    /** Stops the sink; resolves with the messages it took. */
    close: () =>
      new Promise<number>((resolve) => {
        child.once("exit", () => resolve(Number(/count (\d+)/.exec(out)?.[1] ?? Number.NaN)));
        child.kill("SIGTERM");
      }),
  };
}

/** A process's CPU seconds (user + system) from /proc, or NaN where there is none. */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  try {
    const { readFile } = await import("node:fs/promises");
    const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** A port the system just gave out as free (the service is told it through PORT and the configuration). */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForHealth(url: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the service did not answer ${url}`);
}

/** One kind of store: the three figures. */
async function benchKind(kind: "sqlite" | "postgres", repo: string, runs: number, url: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-bench-subs-"));
  try {
    const csv = path.join(dir, "subscribers.csv");
    const lines = ["email,name,status"];
    for (let i = 0; i < COUNT; i++) lines.push(`reader${i}@example${i % 97}.org,Reader ${i},`);
    await writeFile(csv, `${lines.join("\n")}\n`);
    const imports: Measurement[] = [];
    let lastEnv: Record<string, string> = {};
    for (let i = 0; i <= runs; i++) {
      lastEnv = await freshStore(kind, dir, url);
      const m = await measureWith(
        lastEnv,
        ["--import", "tsx", "scripts/subscribers.ts", "import", csv],
        repo,
      );
      process.stderr.write(
        `  ${kind} import run ${i === 0 ? "warm-up" : i}: ${m.cpuSeconds.toFixed(2)} s CPU\n`,
      );
      if (i > 0) imports.push(m);
    }
    // Plan a send to the 100,000 confirmed, half of them already in the send log (a rerun after a crash).
    const store = await withEnv(lastEnv, () => openStore(process.env, dir, new Date()));
    const log = new Map(
      Array.from({ length: COUNT / 2 }, (_, i) => [
        `reader${i * 2}@example${(i * 2) % 97}.org`,
        {
          email: `reader${i * 2}@example${(i * 2) % 97}.org`,
          status: "sent" as const,
          at: "",
          response: "250",
        },
      ]),
    );
    const plans: number[] = [];
    let queued = 0;
    for (let i = 0; i <= runs; i++) {
      const before = process.cpuUsage();
      const rows = await store.confirmed();
      const plan = planSend(
        rows.map((r, k) => ({ email: r.email, name: r.name, line: k + 1 })),
        log as never,
        { resendUnknown: false, retryFailed: false },
      );
      const used = process.cpuUsage(before);
      queued = plan.queue.length + plan.alreadySent.length;
      if (i > 0) plans.push((used.user + used.system) / 1e6);
    }
    await store.close();
    plans.sort((a, b) => a - b);

    // POST /subscribe at 200 requests a second: the real service (npm run subscriptions) as a child process.
    const sink = await startSink(repo);
    const serviceEnv = await freshStore(kind, dir, url);
    const root = path.join(dir, "project");
    await (await import("node:fs/promises")).mkdir(root, { recursive: true });
    const port = await freePort();
    await writeFile(
      path.join(root, "gazette.config.yaml"),
      [
        "title: Bench",
        "url: https://bench.example.org/",
        "newsletter:",
        "  from: Bench <digest@bench.example.org>",
        "  postal_address: 1 Bench Street",
        "subscriptions:",
        `  url: http://127.0.0.1:${port}/`,
      ].join("\n"),
    );
    const { spawn } = await import("node:child_process");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(repo, "scripts/subscriptions.ts"), "--root", root],
      {
        cwd: repo,
        env: {
          ...process.env,
          DATABASE_URL: "",
          ...serviceEnv,
          PORT: String(port),
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
          GAZETTE_UNSUBSCRIBE_SECRET: SECRET,
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    let result: autocannon.Result;
    let load = Number.NaN;
    let serviceCpu = Number.NaN;
    let mails = Number.NaN;
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`);
      let n = 0;
      const run = (seconds: number) =>
        autocannon({
          url: `http://127.0.0.1:${port}/subscribe`,
          connections: 10,
          overallRate: 200,
          duration: seconds,
          requests: [
            {
              method: "POST",
              setupRequest: (req) => {
                n++;
                return {
                  ...req,
                  headers: {
                    "content-type": "application/x-www-form-urlencoded",
                    // Each request its own reader behind the local proxy, so the per-IP limit measures nothing.
                    "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
                  },
                  body: `email=bench${n}%40example.org&name=Reader+${n}`,
                };
              },
            },
          ],
        });
      await run(3); // warm-up
      load = os.loadavg()[0] ?? Number.NaN;
      const before = await cpuSeconds(child.pid);
      result = await run(10);
      serviceCpu = (await cpuSeconds(child.pid)) - before;
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      mails = await sink.close();
    }
    if (result.non2xx !== result.requests.total && result.errors > 0)
      throw new Error(`the service failed requests: ${result.errors} errors\n${stderr.slice(-1000)}`);
    return {
      kind,
      import: median(imports),
      planCpu: plans[Math.floor(plans.length / 2)] ?? Number.NaN,
      planned: queued,
      requests: result.requests.total,
      rate: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      statuses: { "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"] },
      mails,
      load,
      cpuPerRequest: (serviceCpu * 1000) / result.requests.total,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the subscriptions bench and prints one table (targets: 10 s, 2 s, 25 ms). */
export async function benchSubscriptions(repo: string, runs: number): Promise<number> {
  const url = process.env.DATABASE_URL ?? "";
  const kinds: ("sqlite" | "postgres")[] = url ? ["sqlite", "postgres"] : ["sqlite"];
  if (!url) console.error("DATABASE_URL is not set: PostgreSQL is not measured (SQLite only).");
  const rows = [];
  try {
    for (const kind of kinds) rows.push(await benchKind(kind, repo, runs, url));
  } finally {
    if (url) await dropSchemas(url).catch(() => undefined);
  }
  console.log(
    "\n| store | import 100k: CPU s (wall s, peak MB) | plan send to 100k: CPU s | POST /subscribe at 200/s: p50 / p99 ms (requests, 303s) | service CPU per POST, ms | load average |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  let ok = true;
  for (const r of rows) {
    console.log(
      `| ${r.kind} | ${r.import.cpuSeconds.toFixed(2)} (${r.import.wallSeconds.toFixed(2)}, ${r.import.peakMegabytes.toFixed(0)}) | ${r.planCpu.toFixed(2)} (${r.planned} planned) | ${r.p50} / ${r.p99} (${r.requests} at ${r.rate.toFixed(0)}/s, ${r.statuses["3xx"]} answered 303, ${r.statuses["5xx"]} 5xx; ${r.mails} mails) | ${r.cpuPerRequest.toFixed(2)} | ${r.load.toFixed(1)} |`,
    );
    if (!(r.import.cpuSeconds <= 10) || !(r.planCpu <= 2) || !(r.p99 <= 25) || r.statuses["5xx"] > 0)
      ok = false;
  }
  console.log(
    ok
      ? "\nAll within targets (import ≤ 10 s, plan ≤ 2 s, p99 ≤ 25 ms)."
      : "\nSOME FIGURE IS OVER ITS TARGET.",
  );
  return ok ? 0 : 1;
}
