import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineCommand } from "../../src/cli/command-spec.ts";
import { type CommandLineIo, parseCommandLine, usageError } from "../../src/cli/run-command-line.ts";

const command = defineCommand({
  command: "npm run thing",
  summary: "does a thing",
  options: { force: { type: "boolean", description: "overwrite" } },
  examples: ["npm run thing -- --force"],
});

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function fakeIo() {
  const seen = { out: "", err: "" };
  const io: CommandLineIo = {
    out: (t) => {
      seen.out += t;
    },
    err: (t) => {
      seen.err += t;
    },
    exit: (code) => {
      throw new Exit(code);
    },
  };
  return { io, seen };
}

function exitCode(run: () => unknown): number | null {
  try {
    run();
    return null;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}

const parseLine = suite("parseCommandLine");

parseLine("returns the values when the line is good", () => {
  const { io, seen } = fakeIo();
  assert.equal(parseCommandLine(command, ["--force"], io), { values: { force: true }, positionals: [] });
  assert.equal(seen, { out: "", err: "" });
});

parseLine("--help prints the help on stdout and exits 0", () => {
  const { io, seen } = fakeIo();
  assert.is(
    exitCode(() => parseCommandLine(command, ["--help"], io)),
    0,
  );
  assert.match(seen.out, /\n {2}--force +overwrite \(default: off\)\n/);
  assert.match(seen.out, "Example:\n  npm run thing -- --force");
  assert.is(seen.err, "");
});

parseLine("an unknown flag: one line, the usage, exit 2", () => {
  const { io, seen } = fakeIo();
  assert.is(
    exitCode(() => parseCommandLine(command, ["--forc"], io)),
    2,
  );
  assert.is(
    seen.err,
    "npm run thing: unknown flag --forc (did you mean --force?)\nusage: npm run thing -- [--force]\n(--help lists every flag)\n",
  );
});

const usage = suite("usageError");

usage("a script's own usage check: its message, the usage, exit 2", () => {
  const { io, seen } = fakeIo();
  assert.is(
    exitCode(() => usageError(command, "no input given", io)),
    2,
  );
  assert.match(seen.err, /^npm run thing: no input given\nusage: /);
});

usage.run();
parseLine.run();
