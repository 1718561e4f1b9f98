// `npm run newsletter [-- --since YYYY-MM-DD --until YYYY-MM-DD --limit N --intro FILE --dry-run --issue N]`
// makes the next issue into newsletter/<N>/;
// `npm run newsletter -- send <N> --to FILE [--dry-run] [--test ADDRESS] [--rate 10/s] [--resend-unknown]`
// sends it. See docs/newsletter.md.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { runNewsletter } from "../src/newsletter/run-newsletter.ts";
import { runSend, type SendReporter } from "../src/newsletter/send/run-send.ts";

const tty = process.stderr.isTTY;
let lastProgress = 0;
const io: SendReporter = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // On a terminal the progress line is rewritten in place; in a log, one line every 2 seconds and the last.
  progress: (line, last) => {
    if (tty) process.stderr.write(`\r${line}\x1b[K${last ? "\n" : ""}`);
    else if (last || Date.now() - lastProgress >= 2000) {
      lastProgress = Date.now();
      console.error(line);
    }
  },
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function wholeNumber(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^[1-9]\d*$/.test(value)) fail(`--${flag} "${value}" is not a whole number of at least 1`);
  return Number(value);
}

const args = process.argv.slice(2);
const root = { type: "string", default: process.cwd() } as const;
const dryRun = { type: "boolean", default: false } as const;

function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    return fail(`${(e as Error).message} (see docs/newsletter.md)`);
  }
}

if (args[0] === "send") {
  const { values, positionals } = parse({
    args: args.slice(1),
    allowPositionals: true,
    options: {
      root,
      to: { type: "string" },
      "dry-run": dryRun,
      test: { type: "string" },
      rate: { type: "string" },
      "resend-unknown": { type: "boolean", default: false },
      "retry-failed": { type: "boolean", default: false },
      backoff: { type: "string" },
    },
  });
  if (positionals.length !== 1) fail("send needs the issue number: npm run newsletter -- send <N> --to FILE");
  process.exitCode = await runSend(
    {
      root: values.root,
      issue: wholeNumber("issue", positionals[0]) ?? 0,
      to: values.to ?? null,
      dryRun: values["dry-run"],
      test: values.test ?? null,
      rate: values.rate ?? null,
      resendUnknown: values["resend-unknown"],
      retryFailed: values["retry-failed"],
      env: process.env,
      backoffMs: wholeNumber("backoff", values.backoff) ?? 1000,
    },
    io,
  );
} else {
  const { values, positionals } = parse({
    args,
    allowPositionals: true,
    options: {
      root,
      now: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      limit: { type: "string" },
      intro: { type: "string" },
      issue: { type: "string" },
      "dry-run": dryRun,
    },
  });
  if (positionals.length > 0)
    fail(`unexpected "${positionals.join(" ")}" (the only subcommand is: send <N> --to FILE)`);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime()))
    fail(`--now "${values.now}" is not a date-time (expected ISO 8601, e.g. 2024-03-07T09:00:00Z)`);
  process.exitCode = await runNewsletter(
    {
      root: values.root,
      now,
      since: values.since ?? null,
      until: values.until ?? null,
      limit: wholeNumber("limit", values.limit),
      dryRun: values["dry-run"],
      issue: wholeNumber("issue", values.issue),
      intro: values.intro ?? null,
    },
    io,
  );
}
