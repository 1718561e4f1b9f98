// `npm run subscribers -- list|add|remove|import|export|bounces`: manage the subscribers store (SQLite at
// GAZETTE_SUBSCRIBERS_DB, or PostgreSQL with DATABASE_URL). `--help` on each lists the flags; see
// docs/subscriptions.md.
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine, usageError } from "../src/cli/run-command-line.ts";
import { rootOption } from "../src/cli/shared-options.ts";
import { openStore } from "../src/subscriptions/open-store.ts";
import { runSubscribers, type SubscribersCommand } from "../src/subscriptions/run-subscribers.ts";

const root = rootOption;
const status = {
  type: "string",
  value: "STATUS",
  description: "only this status: pending, confirmed, unsubscribed, bounced or complained",
  defaultText: "every status",
} as const;
const STORE_NOTE =
  "The store: PostgreSQL when DATABASE_URL is set, else SQLite at GAZETTE_SUBSCRIBERS_DB (default data/subscribers.db).";

const main = defineCommand({
  command: "npm run subscribers",
  summary: "manages the subscribers store that the service fills and `newsletter -- send` reads",
  subcommands: [
    { name: "list", summary: "prints the subscribers (--status S, --json)" },
    {
      name: "add <email>",
      summary: "adds or changes one subscriber (confirmed unless --status says otherwise)",
    },
    { name: "remove <email>", summary: "deletes one subscriber for good" },
    { name: "import <FILE.csv>", summary: "reads a subscribers CSV (the send --to format), statuses kept" },
    { name: "export", summary: "prints every subscriber as CSV" },
    {
      name: "bounces <FILE.mbox>",
      summary: "reads delivery status notifications and suppresses the addresses",
    },
  ],
  options: { root },
  examples: [
    "npm run subscribers -- list --status confirmed",
    "npm run subscribers -- import subscribers.csv",
  ],
  notes: [STORE_NOTE, "See docs/subscriptions.md."],
});

const specs = {
  list: defineCommand({
    command: "npm run subscribers -- list",
    summary: "prints the subscribers by address: tab-separated, or one JSON object per line",
    options: {
      root,
      status,
      json: {
        type: "boolean",
        description: "one JSON object per line: email, status, name, topics, created, updated",
      },
    },
    examples: ["npm run subscribers -- list --status confirmed --json"],
    notes: [STORE_NOTE],
  }),
  add: defineCommand({
    command: "npm run subscribers -- add",
    summary: "adds one subscriber, or changes its status, name and topics",
    arguments: "<email>",
    options: {
      root,
      name: { type: "string", value: "NAME", description: "the display name", defaultText: "none" },
      status: {
        ...status,
        description: "the status to give it",
        default: "confirmed",
        defaultText: "confirmed",
      },
      topics: { type: "string", value: "a,b", description: "the topics", defaultText: "none" },
      force: { type: "boolean", description: "change a bounced or complained address too" },
    },
    examples: ['npm run subscribers -- add reader@example.org --name "A Reader"'],
    notes: [STORE_NOTE],
  }),
  remove: defineCommand({
    command: "npm run subscribers -- remove",
    summary: "deletes one subscriber's row for good (its suppression too: prefer unsubscribing it)",
    arguments: "<email>",
    options: { root },
    examples: ["npm run subscribers -- remove reader@example.org"],
    notes: [STORE_NOTE],
  }),
  import: defineCommand({
    command: "npm run subscribers -- import",
    summary:
      "reads a subscribers CSV (email, name, status, topics; the send --to format) into the store in one transaction",
    arguments: "<FILE.csv>",
    options: { root },
    examples: ["npm run subscribers -- import subscribers.csv"],
    notes: [
      "An empty status, subscribed and active mean confirmed; bounced and complained rows in the store stay so.",
      STORE_NOTE,
    ],
  }),
  export: defineCommand({
    command: "npm run subscribers -- export",
    summary: "prints the subscribers as CSV (email,name,status,topics,created,updated)",
    options: { root, status },
    examples: ["npm run subscribers -- export > subscribers.csv"],
    notes: [STORE_NOTE],
  }),
  bounces: defineCommand({
    command: "npm run subscribers -- bounces",
    summary:
      "reads the delivery status notifications (RFC 3464) in an mbox file and suppresses the bounced addresses",
    arguments: "<FILE.mbox>",
    options: {
      root,
      "soft-limit": {
        type: "string",
        value: "N",
        description: "soft bounces after which an address counts as bounced",
        defaultText: "GAZETTE_SOFT_BOUNCE_LIMIT, else 3",
      },
    },
    examples: ["npm run subscribers -- bounces ~/Mail/bounces.mbox"],
    notes: [STORE_NOTE],
  }),
};

const args = process.argv.slice(2);
const name = args[0];
if (name === undefined || name.startsWith("-")) {
  parseCommandLine(main, args);
  usageError(main, "which subcommand? (list, add, remove, import, export or bounces)");
}
if (!(name in specs))
  usageError(main, `unknown subcommand "${name}" (expected list, add, remove, import, export or bounces)`);

function one(spec: (typeof specs)[keyof typeof specs], positionals: string[], what: string): string {
  if (positionals.length !== 1) usageError(spec, `needs ${what}`);
  return positionals[0] as string;
}

let command: SubscribersCommand;
let rootDir: string;
switch (name as keyof typeof specs) {
  case "list": {
    const { values } = parseCommandLine(specs.list, args.slice(1));
    command = { name: "list", status: values.status ?? null, json: values.json };
    rootDir = values.root;
    break;
  }
  case "add": {
    const { values, positionals } = parseCommandLine(specs.add, args.slice(1));
    command = {
      name: "add",
      email: one(specs.add, positionals, "one address"),
      displayName: values.name ?? null,
      status: values.status,
      topics: values.topics ?? null,
      force: values.force,
    };
    rootDir = values.root;
    break;
  }
  case "remove": {
    const { values, positionals } = parseCommandLine(specs.remove, args.slice(1));
    command = { name: "remove", email: one(specs.remove, positionals, "one address") };
    rootDir = values.root;
    break;
  }
  case "import": {
    const { values, positionals } = parseCommandLine(specs.import, args.slice(1));
    command = { name: "import", file: one(specs.import, positionals, "the CSV file") };
    rootDir = values.root;
    break;
  }
  case "export": {
    const { values } = parseCommandLine(specs.export, args.slice(1));
    command = { name: "export", status: values.status ?? null };
    rootDir = values.root;
    break;
  }
  default: {
    const { values, positionals } = parseCommandLine(specs.bounces, args.slice(1));
    const limit = values["soft-limit"] ?? process.env.GAZETTE_SOFT_BOUNCE_LIMIT ?? "3";
    if (!/^[1-9]\d*$/.test(limit))
      usageError(specs.bounces, `--soft-limit "${limit}" is not a whole number of at least 1`);
    command = {
      name: "bounces",
      file: one(specs.bounces, positionals, "the mbox file"),
      softLimit: Number(limit),
    };
    rootDir = values.root;
  }
}

let store: Awaited<ReturnType<typeof openStore>>;
try {
  store = await openStore(process.env, rootDir, new Date());
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
try {
  process.exitCode = await runSubscribers(
    command,
    store,
    { out: (line) => console.log(line), err: (line) => console.error(line) },
    new Date(),
  );
} catch (e) {
  console.error(`the store failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
