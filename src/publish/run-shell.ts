import { spawn } from "node:child_process";

/**
 * Runs a shell command (`sh -c`) in `cwd` (the edge), passing each line it prints to `out`/`err` as it
 * comes. Resolves with the exit code (a signal counts as 1); a command that cannot start is 127.
 */
export function runShell(
  command: string,
  cwd: string,
  env: Record<string, string | undefined>,
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const lines = (write: (line: string) => void) => {
      let rest = "";
      return {
        data: (chunk: Buffer) => {
          const parts = (rest + chunk.toString("utf8")).split("\n");
          rest = parts.pop() ?? "";
          for (const line of parts) write(line);
        },
        end: () => {
          if (rest !== "") write(rest);
        },
      };
    };
    const out = lines(io.out);
    const err = lines(io.err);
    child.stdout.on("data", out.data);
    child.stderr.on("data", err.data);
    child.on("error", (e) => {
      io.err(`cannot run sh: ${e.message}`);
      resolve(127);
    });
    child.on("close", (code) => {
      out.end();
      err.end();
      resolve(code ?? 1);
    });
  });
}
