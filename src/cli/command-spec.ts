/**
 * The declaration of a command-line command: its flags (with descriptions and defaults), its arguments and
 * examples. One declaration gives both the parser (`parseCommand`) and the help text (`formatHelp`), so the
 * two cannot drift apart.
 */

/** One flag, `--name`. */
export interface OptionSpec {
  /** `boolean` flags take no value and default to false; `string` flags take one value. */
  readonly type: "string" | "boolean";
  /** One line for `--help`: what the flag does. */
  readonly description: string;
  /** The value when the flag is absent (string flags only; booleans are false). */
  readonly default?: string;
  /** Shown as the default in `--help` when `default` is computed (e.g. "the current folder"). */
  readonly defaultText?: string;
  /** The value's placeholder in `--help` (`DIR`, `N`); default `VALUE`. */
  readonly value?: string;
  /** A one-letter alias (`-o`). */
  readonly short?: string;
  /** The flag may be given more than once; its value is then every value given, in order. */
  readonly multiple?: boolean;
  /**
   * Why a value given is not acceptable (one line naming the flag and what is expected), or null: checked
   * by `parseCommand` after parsing, so a bad value is a usage error like an unknown flag. Default none.
   */
  readonly check?: (value: string) => string | null;
}

/** A command's flags by name (without the leading `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A subcommand listed in the parent's `--help` (`send <N>`), with its own declaration elsewhere. */
export interface SubcommandSummary {
  /** Its name and arguments as typed: `send <N>`. */
  readonly name: string;
  readonly summary: string;
}

/** A whole command. */
export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** How the editor types it, before the flags: `npm run build`, `npm run newsletter -- send`. */
  readonly command: string;
  /** One sentence: what the command does. */
  readonly summary: string;
  /** The positional arguments as shown in the usage line (`<N>`, `<file or folder>...`); none if absent. */
  readonly arguments?: string;
  readonly options: O;
  /** At least one complete example command line. */
  readonly examples: readonly string[];
  readonly subcommands?: readonly SubcommandSummary[];
  /** Extra lines printed after the flags (environment variables, where the docs are). */
  readonly notes?: readonly string[];
}

/** The parsed value of each declared flag: booleans are always set, strings with a default too. */
export type ParsedValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]: O[K]["type"] extends "boolean"
    ? boolean
    : O[K] extends { readonly multiple: true }
      ? string[]
      : O[K] extends { readonly default: string }
        ? string
        : string | undefined;
};

/**
 * Declares a command. An identity function: it exists so that the flags' literal types are kept and
 * `parseCommand` can type its result.
 */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}
