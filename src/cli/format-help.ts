import type { CommandSpec, OptionSpec } from "./command-spec.ts";

/** `--out DIR`, `-o, --out DIR`, `--dry-run`. */
function flagLabel(name: string, option: OptionSpec): string {
  const long = option.type === "string" ? `--${name} ${option.value ?? "VALUE"}` : `--${name}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

function defaultLabel(option: OptionSpec): string {
  if (option.defaultText !== undefined) return ` (default: ${option.defaultText})`;
  if (option.type === "boolean") return " (default: off)";
  if (option.default !== undefined) return ` (default: ${option.default === "" ? '""' : option.default})`;
  return " (default: none)";
}

/** The one-line synopsis: `usage: npm run build -- [--url URL] [--out DIR]`. */
export function formatUsage(spec: CommandSpec): string {
  const takesSomething =
    Object.keys(spec.options).length > 0 ||
    spec.arguments !== undefined ||
    (spec.subcommands?.length ?? 0) > 0;
  // npm passes what follows `--` to the script: `npm run build -- --out DIR`.
  const parts = [spec.command.includes(" -- ") || !takesSomething ? spec.command : `${spec.command} --`];
  if (spec.subcommands?.length) parts.push("[<subcommand>]");
  if (spec.arguments) parts.push(spec.arguments);
  for (const [name, option] of Object.entries(spec.options))
    parts.push(`[${option.type === "string" ? `--${name} ${option.value ?? "VALUE"}` : `--${name}`}]`);
  return `usage: ${parts.join(" ")}`;
}

/**
 * The full `--help` text: what the command does, the usage line, every flag with its description and
 * default, subcommands, notes and examples.
 */
export function formatHelp(spec: CommandSpec): string {
  const rows: Array<[string, string]> = Object.entries(spec.options).map(([name, option]) => [
    flagLabel(name, option),
    `${option.description}${defaultLabel(option)}`,
  ]);
  rows.push(["-h, --help", "show this help and exit"]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [`${spec.command}: ${spec.summary}`, "", formatUsage(spec)];
  if (spec.subcommands?.length) {
    const subWidth = Math.max(...spec.subcommands.map((s) => s.name.length));
    lines.push("", "Subcommands:");
    for (const sub of spec.subcommands) lines.push(`  ${sub.name.padEnd(subWidth)}  ${sub.summary}`);
  }
  lines.push("", "Flags:");
  for (const [label, text] of rows) lines.push(`  ${label.padEnd(width)}  ${text}`);
  if (spec.notes?.length) lines.push("", ...spec.notes);
  lines.push("", spec.examples.length === 1 ? "Example:" : "Examples:");
  for (const example of spec.examples) lines.push(`  ${example}`);
  return `${lines.join("\n")}\n`;
}
