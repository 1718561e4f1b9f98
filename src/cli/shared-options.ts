/**
 * Flags that several commands take, declared once so that each reads, defaults and is described the same
 * everywhere (`--root` of `npm run build` is the `--root` of `npm run publish`), with the checks of their
 * values.
 */
import { statSync } from "node:fs";
import type { OptionSpec } from "./command-spec.ts";

/** Why `--root` is not a project folder to work in (missing, a file), or null. */
export function rootProblem(value: string): string | null {
  const expected = "expected the project folder, with gazette.config.yaml and articles/";
  try {
    return statSync(value).isDirectory() ? null : `--root "${value}" is a file (${expected})`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? `--root "${value}" does not exist (${expected})`
      : `--root "${value}" cannot be read (${code ?? "error"})`;
  }
}

/** `--root DIR`: the project folder. Default: the current folder (where `npm run` runs, the project's). */
export const rootOption = {
  type: "string",
  value: "DIR",
  description: "the project folder: gazette.config.yaml and articles/; what the command writes goes under it",
  default: process.cwd(),
  defaultText: "the current folder",
  check: rootProblem,
} as const satisfies OptionSpec;

/** `--now DATE-TIME`: the clock, for trying a schedule or a window on another day. Default: now. */
export const nowOption = {
  type: "string",
  value: "DATE-TIME",
  description: "the clock, as ISO 8601 (e.g. 2024-03-07T09:00:00Z)",
  defaultText: "now",
  check: (value: string) => {
    const read = readNow(value, () => new Date(0));
    return read.ok ? null : read.message;
  },
} as const satisfies OptionSpec;

/** `--to FILE`: who gets the issue, as a CSV, instead of the subscribers store. */
export const toOption = {
  type: "string",
  value: "FILE",
  description: "send to the subscribers in this CSV (email, name columns)",
  defaultText: "the confirmed subscribers in the store",
} as const satisfies OptionSpec;

/** `--host ADDRESS` of a command that serves over HTTP, with its default address. */
export function hostOption<const D extends string>(defaultHost: D, purpose = "the address to listen on") {
  return {
    type: "string",
    value: "ADDRESS",
    description: `${purpose} (0.0.0.0: every interface, reachable from the network)`,
    default: defaultHost,
  } as const satisfies OptionSpec;
}

/** `--port N` of a command that serves over HTTP, with its default port. */
export function portOption<const D extends string>(defaultPort: D, purpose = "the port to listen on") {
  return {
    type: "string",
    value: "N",
    description: `${purpose} (0: any free one)`,
    default: defaultPort,
    check: portProblem,
  } as const satisfies OptionSpec;
}

/** The clock `--now` gives (the real one when absent), or the one line that says why the value is not one. */
export function readNow(
  value: string | undefined,
  clock: () => Date,
): { ok: true; now: Date } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, now: clock() };
  const now = new Date(value);
  // `new Date` takes more than ISO 8601 ("March 7"); the flag promises ISO 8601 and the docs show it.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return { ok: false, message: notDateTime(value) };
  if (Number.isNaN(now.getTime())) return { ok: false, message: notDateTime(value) };
  return { ok: true, now };
}

function notDateTime(value: string): string {
  return `--now "${value}" is not a date-time (expected ISO 8601, e.g. 2024-03-07T09:00:00Z)`;
}

/** Why a `--port` value is not a port, as one line, or null when it is one (0 to 65535). */
export function portProblem(value: string): string | null {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535
    ? null
    : `--port "${value}" is not a port number (expected 0 to 65535)`;
}

/**
 * An option without its parsed default, for a command whose default comes from elsewhere when the flag is
 * absent (the environment: `HOST`, `PORT`); give it a `defaultText` saying so.
 */
export function withoutDefault<const T extends OptionSpec>(option: T): Omit<T, "default"> {
  const { default: _, ...rest } = option;
  return rest;
}
