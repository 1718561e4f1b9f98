// Every command in package.json that runs a script (and every subcommand its help lists) answers --help
// with usage, every flag with a default and an example, exit 0; and an unknown flag with one line that
// names it and the usage, exit 2, never a stack trace. New commands are picked up from package.json.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: repo,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `npm run build` → `scripts/build.ts`, for every package.json script that runs one of scripts/. */
const commands = Object.entries(pkg.scripts).flatMap(([name, line]) => {
  const script = /\bscripts\/[\w-]+\.ts\b/.exec(line)?.[0];
  return script ? [{ name, script }] : [];
});

/** The subcommand names listed under "Subcommands:" in a help text. */
function subcommands(help: string): string[] {
  const section = /\nSubcommands:\n((?: {2}.*\n)+)/.exec(help)?.[1] ?? "";
  return section
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[0] ?? "")
    .filter((word) => word !== "");
}

function checkHelp(label: string, r: Run): void {
  assert.is(r.code, 0, `${label} --help: ${r.stderr}`);
  assert.is(r.stderr, "", `${label} --help wrote to stderr`);
  assert.match(r.stdout, /^usage: npm /m, `${label} --help has no usage line`);
  assert.match(r.stdout, /\nExamples?:\n {2}npm /, `${label} --help has no example`);
  const flags = /\nFlags:\n((?: {2}.*\n)+)/.exec(r.stdout)?.[1] ?? "";
  const rows = flags.split("\n").filter((line) => line.startsWith("  -"));
  assert.ok(rows.length > 0, `${label} --help lists no flags`);
  for (const row of rows) {
    if (row.includes("--help")) continue;
    assert.match(row, /\(default: [^)]+\)$/, `${label}: flag without a default: ${row}`);
    // Every flag in the table is also in the usage line.
    const flag = /--[\w-]+/.exec(row)?.[0] ?? "";
    assert.match(r.stdout.split("\n").find((l) => l.startsWith("usage:")) ?? "", `[${flag}`, label);
  }
}

function checkUnknown(label: string, prefix: string[], r: Run): void {
  assert.is(r.code, 2, `${label} --no-such-flag: ${r.stdout}${r.stderr}`);
  const lines = r.stderr.trimEnd().split("\n");
  assert.match(lines[0] ?? "", /unknown flag --no-such-flag$/, label);
  assert.match(lines[1] ?? "", new RegExp(`^usage: npm .*${prefix.join(" ")}`), label);
  assert.not.match(r.stderr, /\n\s+at /, `${label}: a stack trace`);
  assert.is(r.stdout, "", label);
}

const every = suite("every command: --help and unknown flags");

/** Each help text seen, by command (`newsletter send`), for the check across commands at the end. */
const helps = new Map<string, string>();

/** A flag's row in a help text, spaces collapsed (columns are aligned per command). */
function flagRow(help: string, flag: string): string | null {
  const row = help.split("\n").find((line) => new RegExp(`^ {2}(?:-\\w, )?--${flag}\\b`).test(line));
  return row === undefined ? null : row.trim().replace(/\s+/g, " ");
}

every("the commands are found in package.json", () => {
  const names = commands.map((c) => c.name);
  for (const name of ["build", "start", "import", "newsletter", "bench"])
    assert.ok(names.includes(name), name);
});

for (const { name, script } of commands) {
  every(`${name}: --help and an unknown flag, and the same for each subcommand`, async () => {
    const [help, unknown] = await Promise.all([run(script, ["--help"]), run(script, ["--no-such-flag"])]);
    checkHelp(name, help);
    helps.set(name, help.stdout);
    checkUnknown(name, [], unknown);
    for (const sub of subcommands(help.stdout)) {
      const [subHelp, subUnknown] = await Promise.all([
        run(script, [sub, "--help"]),
        run(script, [sub, "--no-such-flag"]),
      ]);
      checkHelp(`${name} ${sub}`, subHelp);
      helps.set(`${name} ${sub}`, subHelp.stdout);
      assert.match(subHelp.stdout, new RegExp(`^usage: .* ${sub}\\b`, "m"));
      checkUnknown(`${name} ${sub}`, [sub], subUnknown);
    }
  });
}

every("a flag several commands take (--root, --now, --to) is declared once: the same row everywhere", () => {
  for (const flag of ["root", "now", "to"]) {
    const rows = new Map<string, string[]>();
    for (const [name, help] of helps) {
      const row = flagRow(help, flag);
      if (row !== null) rows.set(row, [...(rows.get(row) ?? []), name]);
    }
    assert.ok(rows.size > 0, `no command takes --${flag}`);
    assert.is(rows.size, 1, `--${flag} differs: ${JSON.stringify(Object.fromEntries(rows))}`);
  }
  // Every command that works on a project takes --root.
  for (const name of ["build", "start", "newsletter", "newsletter send", "publish", "ping", "subscriptions"])
    assert.ok(flagRow(helps.get(name) ?? "", "root"), `${name} has no --root`);
});

every("a --root that is not a folder is a usage error in every command that takes it", async () => {
  const missing = "/nonexistent/gazette-project";
  const takers = [...helps].filter(([, help]) => flagRow(help, "root") !== null).map(([name]) => name);
  assert.ok(takers.length >= 6, takers.join(", "));
  await Promise.all(
    takers.map(async (name) => {
      const [command, sub] = name.split(" ");
      const script = commands.find((c) => c.name === command)?.script ?? "";
      const r = await run(script, [...(sub ? [sub] : []), "--root", missing]);
      assert.is(r.code, 2, `${name}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, `--root "${missing}" does not exist (expected the project folder`, name);
      assert.not.match(r.stderr, /\n\s+at /, `${name}: a stack trace`);
    }),
  );
});

every("a number flag given a value that is not one is a usage error naming the flag (exit 2)", async () => {
  const cases: [string, string[], string][] = [
    ["build", ["--jobs", "0"], '--jobs "0" is not a number of workers'],
    ["build", ["--jobs", "2.5"], '--jobs "2.5" is not a number of workers'],
    ["bench", ["--runs", "0"], '--runs "0" is not a number of runs'],
    ["bench", ["--articles", "1000,x"], '--articles "1000,x" is not a list of article counts'],
  ];
  await Promise.all(
    cases.map(async ([name, args, expected]) => {
      const script = commands.find((c) => c.name === name)?.script ?? "";
      const r = await run(script, args);
      const label = `${name} ${args.join(" ")}`;
      assert.is(r.code, 2, `${label}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr.split("\n")[0] ?? "", expected, label);
      assert.match(r.stderr.split("\n")[1] ?? "", /^usage: npm /, label);
      assert.not.match(r.stderr, /\n\s+at /, `${label}: a stack trace`);
    }),
  );
});

every.run();
