import type { CommandSpec, OptionSpecs, ParsedValues } from "./command-spec.ts";
import { formatHelp, formatUsage } from "./format-help.ts";
import { parseCommand } from "./parse-command.ts";

/** Where the command line's text goes and how the process ends: `process` in a script, fakes in tests. */
export interface CommandLineIo {
  out: (text: string) => void;
  err: (text: string) => void;
  exit: (code: number) => never;
}

const processIo: CommandLineIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/** Exit code for a command line that could not be understood (as in BSD `sysexits`' EX_USAGE habit, 2). */
export const USAGE_EXIT = 2;

/**
 * The edge for a script: parses `argv` against the declaration; on `--help` prints the help and exits 0;
 * on a usage error prints one line naming it plus the usage line and exits 2. Otherwise returns the values.
 */
export function parseCommandLine<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
  io: CommandLineIo = processIo,
): { values: ParsedValues<O>; positionals: string[] } {
  const outcome = parseCommand(spec, argv);
  if (outcome.kind === "help") {
    io.out(formatHelp(spec));
    return io.exit(0);
  }
  if (outcome.kind === "usage-error") return usageError(spec, outcome.message, io);
  return { values: outcome.values, positionals: outcome.positionals };
}

/**
 * Prints a usage error (one line, then the usage line and a pointer to `--help`) and exits 2. For the
 * checks a script makes itself after parsing (a missing argument, an unknown subcommand).
 */
export function usageError(spec: CommandSpec, message: string, io: CommandLineIo = processIo): never {
  io.err(`${spec.command}: ${message}\n${formatUsage(spec)}\n(--help lists every flag)\n`);
  return io.exit(USAGE_EXIT);
}
