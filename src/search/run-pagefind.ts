import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Pagefind's binary as its npm package installs it: `PAGEFIND_EXTENDED_BINARY_PATH` or
 * `PAGEFIND_BINARY_PATH` when set (the package's own overrides), else `pagefind_extended` (or `pagefind`)
 * of the `@pagefind/<platform>-<arch>` optional dependency. Null when neither is installed.
 */
export function pagefindBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const name of ["PAGEFIND_EXTENDED_BINARY_PATH", "PAGEFIND_BINARY_PATH"]) {
    const value = env[name];
    if (value) return value;
  }
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const suffix = platform === "windows" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${suffix}`);
    } catch {
      // not installed for this platform: try the next name
    }
  }
  return null;
}

/** What one run of Pagefind's command line said: its error lines (none when it exited 0). */
export interface PagefindRun {
  errors: string[];
}

/**
 * Runs Pagefind's command line with `args` and waits for it. A non-zero exit, a signal or a failed
 * start is an error, worded with what Pagefind printed (its `Error:` lines, else all it printed).
 */
export function runPagefind(binary: string, args: readonly string[]): Promise<PagefindRun> {
  return new Promise((resolve) => {
    const output: Buffer[] = [];
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (e) => resolve({ errors: [`Pagefind could not start (${binary}): ${e.message}`] }));
    child.on("close", (code, signal) => {
      if (code === 0) return resolve({ errors: [] });
      const lines = Buffer.concat(output)
        .toString("utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
      const said = [...new Set(lines.filter((line) => line.startsWith("Error")))];
      const how = signal ? `was stopped by ${signal}` : `exited with status ${code}`;
      resolve({
        errors: [
          `Pagefind ${how}${lines.length ? `: ${(said.length ? said : [...new Set(lines)]).join(" ")}` : ""}`,
        ],
      });
    });
  });
}
