// `npm start [-- --port 8080]`: the dev server with live reload (src/dev/dev-server.ts).
import path from "node:path";
import { checkOutputDir } from "../src/build/output-guard.ts";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { hostOption, portOption, rootOption } from "../src/cli/shared-options.ts";
import { startDevServer } from "../src/dev/dev-server.ts";
import { formatDiagnostic } from "../src/shared/diagnostic.ts";

const command = defineCommand({
  command: "npm start",
  summary:
    "builds the site into _site/, serves it with live reload and rebuilds what changes in articles/, templates/ and the configuration",
  options: {
    port: portOption("8080"),
    root: rootOption,
    host: hostOption("127.0.0.1"),
    url: {
      type: "string",
      value: "URL",
      description: "build for this address instead of the configuration's url",
      defaultText: "url in gazette.config.yaml",
    },
  },
  examples: ["npm start", "npm start -- --port 3000", "npm start -- --host 0.0.0.0"],
});

const { values } = parseCommandLine(command);
const root = path.resolve(values.root);
const outDir = path.join(root, "_site");
const unsafe = await checkOutputDir(root, outDir);
if (unsafe) {
  console.error(formatDiagnostic(unsafe));
  process.exit(1);
}
const server = await startDevServer({
  root,
  outDir,
  port: Number(values.port),
  host: values.host,
  ...(values.url ? { url: values.url } : {}),
  log: (line) => console.log(`[gazette] ${line}`),
});
process.on("SIGINT", async () => {
  await server.close();
  process.exit(0);
});
