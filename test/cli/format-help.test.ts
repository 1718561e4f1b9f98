import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineCommand } from "../../src/cli/command-spec.ts";
import { formatHelp, formatUsage } from "../../src/cli/format-help.ts";

const command = defineCommand({
  command: "npm run thing",
  summary: "does a thing",
  arguments: "<file>",
  subcommands: [{ name: "send <N>", summary: "sends it" }],
  options: {
    out: { type: "string", value: "DIR", description: "where it goes", default: "out", short: "o" },
    root: { type: "string", value: "DIR", description: "the project", default: "/x", defaultText: "here" },
    limit: { type: "string", description: "at most" },
    force: { type: "boolean", description: "overwrite" },
  },
  examples: ["npm run thing -- a.txt", "npm run thing -- b.txt --force"],
  notes: ["See docs/thing.md."],
});

const usage = suite("formatUsage");

usage("every flag with its placeholder, after npm's --", () => {
  assert.is(
    formatUsage(command),
    "usage: npm run thing -- [<subcommand>] <file> [--out DIR] [--root DIR] [--limit VALUE] [--force]",
  );
});

usage("no -- for a command that takes nothing, nor twice for a subcommand", () => {
  assert.is(
    formatUsage(defineCommand({ command: "npm run t", summary: "s", options: {}, examples: [] })),
    "usage: npm run t",
  );
  const sub = defineCommand({
    command: "npm run n -- send",
    summary: "s",
    arguments: "<N>",
    options: {},
    examples: [],
  });
  assert.is(formatUsage(sub), "usage: npm run n -- send <N>");
});

const help = suite("formatHelp");

help("summary, usage, subcommands, each flag with its default, notes, examples", () => {
  assert.is(
    formatHelp(command),
    `npm run thing: does a thing

usage: npm run thing -- [<subcommand>] <file> [--out DIR] [--root DIR] [--limit VALUE] [--force]

Subcommands:
  send <N>  sends it

Flags:
  -o, --out DIR  where it goes (default: out)
  --root DIR     the project (default: here)
  --limit VALUE  at most (default: none)
  --force        overwrite (default: off)
  -h, --help     show this help and exit

See docs/thing.md.

Examples:
  npm run thing -- a.txt
  npm run thing -- b.txt --force
`,
  );
});

help.run();
