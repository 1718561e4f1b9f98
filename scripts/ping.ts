// `npm run ping [-- --dry-run] [--root DIR] [--site DIR]`: tells the WebSub hub (feeds.hub) which feeds
// changed since the last ping (src/websub/).
import path from "node:path";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { rootOption } from "../src/cli/shared-options.ts";
import { runPing } from "../src/websub/run-ping.ts";

const command = defineCommand({
  command: "npm run ping",
  summary:
    "notifies the WebSub hub (feeds.hub) of exactly the feeds in the built site whose bytes changed since the last ping",
  options: {
    root: rootOption,
    site: {
      type: "string",
      value: "DIR",
      description: "the built site, as deployed",
      defaultText: "_site in the project folder",
    },
    "dry-run": {
      type: "boolean",
      description: "list the feeds that would be pinged; send and record nothing",
    },
  },
  examples: ["npm run ping -- --dry-run", "npm run ping"],
  notes: [
    "Run it after deploying: the hub fetches each pinged feed from the live site. npm run publish pings",
    "after its deploy step. The hashes of the last pinged feeds are in .gazette-cache/websub-pings.json.",
  ],
});

const { values } = parseCommandLine(command);
process.exitCode = await runPing(
  {
    root: path.resolve(values.root),
    ...(values.site ? { outDir: path.resolve(values.site) } : {}),
    dryRun: values["dry-run"],
  },
  { out: (line) => console.log(line), err: (line) => console.error(line) },
);
