// `npm run publish [-- --no-send --no-deploy --dry-run]`: the daily routine in one command (src/publish/).
import path from "node:path";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { nowOption, readNow, rootOption, toOption } from "../src/cli/shared-options.ts";
import type { SendReporter } from "../src/newsletter/send/run-send.ts";
import { runPublish } from "../src/publish/run-publish.ts";

const command = defineCommand({
  command: "npm run publish",
  summary:
    "the daily routine: check, build, make the next issue (when publish.schedule says so and there are new articles), build again, run publish.deploy, send",
  options: {
    root: rootOption,
    "no-deploy": { type: "boolean", description: "skip the deploy step" },
    "no-send": {
      type: "boolean",
      description: "skip the send step (send later with npm run newsletter -- send N)",
    },
    "dry-run": { type: "boolean", description: "check, then say what each step would do; change nothing" },
    to: toOption,
    now: nowOption,
  },
  examples: ["npm run publish -- --dry-run", "npm run publish -- --no-send", "npm run publish"],
  notes: [
    "Configure publish.deploy (a shell command run in the project root) and publish.schedule in",
    "gazette.config.yaml; SMTP settings come from the environment. See docs/publishing.md.",
  ],
});

const { values } = parseCommandLine(command);
const clock = readNow(values.now, () => new Date());
if (!clock.ok) {
  console.error(clock.message);
  process.exit(1);
}
const now = clock.now;
const io: SendReporter = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: (line, last) => {
    if (last) console.error(`  ${line}`);
  },
};
process.exitCode = await runPublish(
  {
    root: path.resolve(values.root),
    now,
    env: process.env,
    deploy: !values["no-deploy"],
    send: !values["no-send"],
    dryRun: values["dry-run"],
    to: values.to ?? null,
  },
  io,
);
