import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineCommand } from "../../src/cli/command-spec.ts";
import { parseCommand } from "../../src/cli/parse-command.ts";

const command = defineCommand({
  command: "npm run thing",
  summary: "does a thing",
  arguments: "<file>...",
  options: {
    out: { type: "string", value: "DIR", description: "where it goes", default: "out" },
    limit: { type: "string", value: "N", description: "at most N" },
    force: { type: "boolean", description: "overwrite" },
    tag: { type: "string", description: "a tag", multiple: true },
  },
  examples: ["npm run thing -- a.txt"],
});
const noArguments = defineCommand({ command: "npm run other", summary: "s", options: {}, examples: ["x"] });

const parse = suite("parseCommand");

parse("defaults: booleans off, strings with a default set, others absent", () => {
  const r = parseCommand(command, ["a.txt"]);
  assert.equal(r, {
    kind: "run",
    values: { out: "out", force: false },
    positionals: ["a.txt"],
  });
});

parse("given values, in any order, and a repeated flag", () => {
  const r = parseCommand(command, [
    "--force",
    "a",
    "--out=x",
    "--limit",
    "3",
    "b",
    "--tag",
    "p",
    "--tag",
    "q",
  ]);
  assert.equal(r, {
    kind: "run",
    values: { out: "x", limit: "3", force: true, tag: ["p", "q"] },
    positionals: ["a", "b"],
  });
});

parse("a value its check refuses is a usage error with the check's line; accepted ones pass", () => {
  const checked = defineCommand({
    command: "npm run checked",
    summary: "s",
    options: {
      level: {
        type: "string",
        description: "a digit",
        default: "1",
        multiple: true,
        check: (v: string) => (/^\d$/.test(v) ? null : `--level "${v}" is not a digit`),
      },
    },
    examples: ["x"],
  });
  assert.equal(parseCommand(checked, ["--level", "7", "--level", "x"]), {
    kind: "usage-error",
    message: '--level "x" is not a digit',
  });
  const ok = parseCommand(checked, ["--level", "7"]);
  assert.equal(ok.kind === "run" && ok.values.level, ["7"]);
});

parse("--help or -h anywhere before --, even beside an unknown flag", () => {
  assert.equal(parseCommand(command, ["--bogus", "--help"]), { kind: "help" });
  assert.equal(parseCommand(command, ["a", "-h"]), { kind: "help" });
  assert.is(parseCommand(command, ["--", "--help"]).kind, "run");
});

parse("an unknown flag names itself and the nearest known one", () => {
  assert.equal(parseCommand(command, ["--forse"]), {
    kind: "usage-error",
    message: "unknown flag --forse (did you mean --force?)",
  });
  assert.equal(parseCommand(command, ["--colour=red"]), {
    kind: "usage-error",
    message: "unknown flag --colour",
  });
  assert.equal(parseCommand(command, ["-x"]), { kind: "usage-error", message: "unknown flag -x" });
});

parse("a missing value, a value for a boolean, a stray argument", () => {
  assert.equal(parseCommand(command, ["--out"]), {
    kind: "usage-error",
    message: "--out needs a value (DIR)",
  });
  assert.equal(parseCommand(command, ["--limit", "--force"]), {
    kind: "usage-error",
    message: '--limit needs a value (N); to pass one that starts with "-", write --limit=VALUE',
  });
  assert.equal(parseCommand(command, ["--force=yes"]), {
    kind: "usage-error",
    message: "--force takes no value (it is on or off)",
  });
  assert.equal(parseCommand(noArguments, ["stray"]), {
    kind: "usage-error",
    message: 'unexpected argument "stray" (this command takes only flags)',
  });
});

parse.run();
