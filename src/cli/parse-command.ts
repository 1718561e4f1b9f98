import { type ParseArgsConfig, parseArgs } from "node:util";
import { suggest } from "../shared/suggest.ts";
import type { CommandSpec, OptionSpecs, ParsedValues } from "./command-spec.ts";

/** What the command line asked for: run with these values, show the help, or a usage error. */
export type ParseOutcome<O extends OptionSpecs> =
  | { kind: "run"; values: ParsedValues<O>; positionals: string[] }
  | { kind: "help" }
  | { kind: "usage-error"; message: string };

/** Whether `--help` or `-h` appears before a `--` terminator. */
function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

/** The flag named in one of node:util's parse errors (`'--colour'`, `'-o, --out <value>'`). */
function flagInError(message: string): string {
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  return quoted.split(/[ ,]+/).find((part) => part.startsWith("--")) ?? quoted.split(" ")[0] ?? "";
}

/** One line, in the project's words, for a parse error thrown by node:util's parseArgs. */
function describeError(spec: CommandSpec, error: Error & { code?: string }): string {
  const flag = flagInError(error.message);
  const name = flag.replace(/^-+/, "").replace(/=.*$/, "");
  const option = spec.options[name];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const near = suggest(name, Object.keys(spec.options));
      return `unknown flag ${flag.replace(/=.*$/, "")}${near ? ` (did you mean --${near}?)` : ""}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (option?.type === "boolean") return `--${name} takes no value (it is on or off)`;
      return `--${name} needs a value (${option?.value ?? "VALUE"})${
        /ambiguous/.test(error.message) ? `; to pass one that starts with "-", write --${name}=VALUE` : ""
      }`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const extra = /'([^']*)'/.exec(error.message)?.[1] ?? "";
      return spec.arguments
        ? `unexpected argument "${extra}"`
        : `unexpected argument "${extra}" (this command takes only flags)`;
    }
    default:
      return error.message.split("\n")[0] ?? "bad command line";
  }
}

/**
 * Parses a command line against a declaration (pure: no printing, no exit). `--help`/`-h` anywhere before
 * `--` asks for the help; an unknown flag, a missing value or an unexpected argument is a usage error with
 * one line that names it (and the nearest known flag).
 */
export function parseCommand<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  argv: readonly string[],
): ParseOutcome<O> {
  if (asksForHelp(argv)) return { kind: "help" };
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.type === "boolean"
        ? { default: false }
        : option.default !== undefined
          ? { default: option.multiple ? [option.default] : option.default }
          : {}),
    };
  }
  try {
    const parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: spec.arguments !== undefined || (spec.subcommands?.length ?? 0) > 0,
    });
    for (const [name, option] of Object.entries(spec.options)) {
      const given = parsed.values[name];
      const values = typeof given === "string" ? [given] : Array.isArray(given) ? given : [];
      for (const value of values) {
        const problem = typeof value === "string" ? (option.check?.(value) ?? null) : null;
        if (problem) return { kind: "usage-error", message: problem };
      }
    }
    return {
      kind: "run",
      values: { ...parsed.values } as ParsedValues<O>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    return { kind: "usage-error", message: describeError(spec, error as Error & { code?: string }) };
  }
}
