// `npm run newsletter [-- flags]` makes the next issue into newsletter/<N>/;
// `npm run newsletter -- send <N> --to FILE [flags]` sends it. `--help` on each lists the flags;
// see docs/newsletter.md.
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine, usageError } from "../src/cli/run-command-line.ts";
import {
  hostOption,
  nowOption,
  portOption,
  readNow,
  rootOption,
  toOption,
} from "../src/cli/shared-options.ts";
import { runPreview } from "../src/newsletter/preview/run-preview.ts";
import { servePreview } from "../src/newsletter/preview/serve-preview.ts";
import { runNewsletter } from "../src/newsletter/run-newsletter.ts";
import type { RecipientSource } from "../src/newsletter/send/recipient-source.ts";
import { runSend, type SendReporter } from "../src/newsletter/send/run-send.ts";
import { undoLastIssue } from "../src/newsletter/undo-last-issue.ts";
import { openStore, storeLabel } from "../src/subscriptions/open-store.ts";
import { storeRecipients } from "../src/subscriptions/store-recipients.ts";

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

/** The subscribers store as the send's recipients; a store that cannot be opened ends the command. */
async function openRecipients(root: string): Promise<RecipientSource> {
  try {
    const store = await openStore(process.env, root, new Date());
    return storeRecipients(store, storeLabel(process.env, root), () => new Date());
  } catch (e) {
    return fail(`${(e as Error).message} (or send to a CSV with --to FILE)`);
  }
}

function wholeNumber(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^[1-9]\d*$/.test(value)) fail(`--${flag} "${value}" is not a whole number of at least 1`);
  return Number(value);
}

const root = rootOption;

const makeCommand = defineCommand({
  command: "npm run newsletter",
  summary:
    "makes the next issue from the articles no issue has had yet: newsletter/<N>/ (MJML, HTML, text, .eml) and the ledger newsletter/issues.json",
  subcommands: [
    { name: "send <N>", summary: "sends issue N through SMTP (npm run newsletter -- send --help)" },
  ],
  options: {
    root,
    now: nowOption,
    since: {
      type: "string",
      value: "YYYY-MM-DD",
      description: "only articles from this day on (site time zone); for the first issue it sets the window",
      defaultText: "every article in no issue yet; for the first issue, the last 7 days",
    },
    until: {
      type: "string",
      value: "YYYY-MM-DD",
      description: "only articles up to the end of this day; later ones wait for the next issue",
      defaultText: "now",
    },
    limit: {
      type: "string",
      value: "N",
      description: "at most N articles",
      defaultText: "newsletter.limit in gazette.config.yaml, 20",
    },
    intro: {
      type: "string",
      value: "FILE",
      description: "a Markdown file with the editor's introduction",
      defaultText: "none",
    },
    issue: {
      type: "string",
      value: "N",
      description: "rebuild issue N's files from the ledger instead of making a new one",
      defaultText: "none",
    },
    "dry-run": { type: "boolean", description: "list what would go in and write nothing" },
    preview: {
      type: "boolean",
      description:
        "render the next issue (or --issue N) into a preview folder and serve it, recording nothing",
    },
    out: {
      type: "string",
      value: "DIR",
      description: "with --preview: the folder for the preview's files",
      defaultText: "a new temporary folder",
    },
    host: hostOption("127.0.0.1", "with --preview: the address to serve on"),
    port: portOption("8025", "with --preview: the port to serve on"),
    "no-serve": { type: "boolean", description: "with --preview: write the files, do not serve them" },
  },
  examples: [
    "npm run newsletter",
    "npm run newsletter -- --dry-run",
    "npm run newsletter -- --preview",
    "npm run newsletter -- --since 2024-03-01 --limit 10 --intro intro.md",
  ],
  notes: ["See docs/newsletter.md."],
});

const sendCommand = defineCommand({
  command: "npm run newsletter -- send",
  summary: "sends issue N to every subscriber, recording each result in newsletter/<N>/send-log.jsonl",
  arguments: "<N>",
  options: {
    root,
    to: toOption,
    "dry-run": { type: "boolean", description: "list who would get it and send nothing" },
    test: {
      type: "string",
      value: "ADDRESS",
      description: "send one copy to this address only, outside the send log",
      defaultText: "none",
    },
    rate: {
      type: "string",
      value: "N/s",
      description: "at most this many messages a second",
      default: "10/s",
    },
    "resend-unknown": {
      type: "boolean",
      description: "send again to recipients whose result a crash left unknown",
    },
    "retry-failed": { type: "boolean", description: "send again to recipients the relay refused (5xx)" },
    backoff: {
      type: "string",
      value: "MS",
      description: "first retry delay after a 4xx reply or a dropped connection, doubled each time",
      default: "1000",
    },
  },
  examples: [
    "npm run newsletter -- send 1 --to subscribers.csv --dry-run",
    "npm run newsletter -- send 1 --test editor@example.org",
    "npm run newsletter -- send 1 --to subscribers.csv",
  ],
  notes: [
    "SMTP settings come from the environment: SMTP_URL, or SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE;",
    "GAZETTE_UNSUBSCRIBE_SECRET signs the unsubscribe links. See docs/newsletter.md.",
  ],
});

const undoCommand = defineCommand({
  command: "npm run newsletter -- undo",
  summary:
    "takes back the last issue while nobody has it: removes newsletter/<N>/ and its ledger entry, so its articles go in the next issue (refused once its send log has a line)",
  options: { root },
  examples: ["npm run newsletter -- undo"],
  notes: ["Then rebuild the site (npm run build) so /newsletter/<N>/ goes too. See docs/newsletter.md."],
});

const args = process.argv.slice(2);
if (args[0] === "undo") {
  const { values } = parseCommandLine(undoCommand, args.slice(1));
  const result = await undoLastIssue(values.root);
  if (result.ok) console.log(result.message);
  else console.error(result.message);
  process.exitCode = result.ok ? 0 : 1;
} else if (args[0] === "send") {
  const { values, positionals } = parseCommandLine(sendCommand, args.slice(1));
  if (positionals.length !== 1)
    usageError(
      sendCommand,
      positionals.length === 0
        ? "send needs the issue number"
        : `one issue at a time, not "${positionals.join(" ")}"`,
    );
  // Without --to (and --test), the confirmed subscribers of the store: SQLite or PostgreSQL as configured.
  const recipients =
    values.to === undefined && values.test === undefined ? await openRecipients(values.root) : null;
  process.exitCode = await runSend(
    {
      root: values.root,
      issue: wholeNumber("issue", positionals[0]) ?? 0,
      to: values.to ?? null,
      dryRun: values["dry-run"],
      test: values.test ?? null,
      rate: values.rate,
      resendUnknown: values["resend-unknown"],
      retryFailed: values["retry-failed"],
      env: process.env,
      backoffMs: wholeNumber("backoff", values.backoff) ?? 1000,
      recipients,
    },
    io,
  );
  await recipients?.close();
} else {
  const { values, positionals } = parseCommandLine(makeCommand, args);
  if (positionals.length > 0)
    usageError(makeCommand, `unknown subcommand "${positionals.join(" ")}" (expected send <N> or undo)`);
  const clock = readNow(values.now, () => new Date());
  if (!clock.ok) fail(clock.message);
  const now = clock.now;
  const options = {
    root: values.root,
    now,
    since: values.since ?? null,
    until: values.until ?? null,
    limit: wholeNumber("limit", values.limit),
    dryRun: values["dry-run"],
    issue: wholeNumber("issue", values.issue),
    intro: values.intro ?? null,
    nextSteps: true,
  };
  if (!values.preview) {
    for (const flag of ["out", "no-serve"] as const)
      if (values[flag] !== undefined && values[flag] !== false)
        usageError(makeCommand, `--${flag} goes with --preview`);
    process.exitCode = await runNewsletter(options, io);
  } else {
    const preview = await runPreview({ ...options, out: values.out ?? null }, io);
    process.exitCode = preview.code;
    if (preview.dir !== null && !values["no-serve"]) {
      const server = await servePreview(preview.files, {
        host: values.host,
        port: Number(values.port),
      }).catch((e: Error) => fail(`cannot serve the preview on ${values.host}:${values.port}: ${e.message}`));
      console.log(`Serving the preview at ${server.url} (Ctrl-C stops it)`);
      process.on("SIGINT", () => server.close().then(() => process.exit(0)));
      process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
    }
  }
}
