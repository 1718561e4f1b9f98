// `npm start [-- --port 8080]`: the dev server with live reload (src/dev/dev-server.ts).
import path from "node:path";
import { parseArgs } from "node:util";
import { startDevServer } from "../src/dev/dev-server.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    root: { type: "string", default: process.cwd() },
    url: { type: "string" },
  },
});
const root = path.resolve(values.root);
const server = await startDevServer({
  root,
  outDir: path.join(root, "_site"),
  port: Number(values.port),
  ...(values.url ? { url: values.url } : {}),
  log: (line) => console.log(`[gazette] ${line}`),
});
process.on("SIGINT", async () => {
  await server.close();
  process.exit(0);
});
