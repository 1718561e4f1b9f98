import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** One timed run of a command. */
export interface Measurement {
  wallSeconds: number;
  /** User + system CPU seconds of the command and its children. */
  cpuSeconds: number;
  peakMegabytes: number;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs a command under GNU time (Debian's `time` package) and reads its wall, CPU and peak memory. Without
 * GNU time, only the wall time is known and CPU and memory are NaN. A failing command throws with its output.
 */
export async function measure(command: string, args: string[], cwd: string): Promise<Measurement> {
  const report = path.join(os.tmpdir(), `gazette-time-${process.pid}-${Date.now()}.txt`);
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const [file, argv] = timed
    ? [GNU_TIME, ["-f", "%e %U %S %M", "-o", report, command, ...args]]
    : [command, args];
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(file, argv, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", reject);
    child.on("close", (status) => resolve(status ?? 1));
  });
  const wall = (performance.now() - started) / 1000;
  if (code !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${output.join("").slice(-2000)}`);
  if (!timed) return { wallSeconds: wall, cpuSeconds: Number.NaN, peakMegabytes: Number.NaN };
  const line = (await readFile(report, "utf8")).trim().split("\n").pop() ?? "";
  await rm(report, { force: true });
  const [elapsed, user, system, maxKb] = line.split(" ").map(Number);
  return {
    wallSeconds: elapsed ?? wall,
    cpuSeconds: (user ?? 0) + (system ?? 0),
    peakMegabytes: (maxKb ?? 0) / 1024,
  };
}

/** The median of each figure over several runs. */
export function median(runs: readonly Measurement[]): Measurement {
  const mid = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  return {
    wallSeconds: mid(runs.map((r) => r.wallSeconds)),
    cpuSeconds: mid(runs.map((r) => r.cpuSeconds)),
    peakMegabytes: mid(runs.map((r) => r.peakMegabytes)),
  };
}
