// `npm run build [-- --url https://example.org/digest/] [--out DIR]`: the site and feeds into _site/.
import { parseArgs } from "node:util";
import { buildSite } from "../src/build/build-site.ts";
import { formatDiagnostic, hasErrors, sortDiagnostics } from "../src/shared/diagnostic.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string" },
    root: { type: "string", default: process.cwd() },
  },
});

const started = performance.now();
const result = await buildSite({
  root: values.root,
  now: new Date(),
  ...(values.out ? { outDir: values.out } : {}),
  ...((values.url ?? process.env.GAZETTE_URL) ? { url: values.url ?? process.env.GAZETTE_URL } : {}),
});
for (const d of sortDiagnostics(result.diagnostics)) console.error(formatDiagnostic(d));
if (!result.ok || hasErrors(result.diagnostics)) {
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  console.error(
    `Build failed: ${errors} error${errors === 1 ? "" : "s"}; ${result.outDir} was left as it was.`,
  );
  process.exitCode = 1;
} else {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Wrote ${result.written} files to ${result.outDir} in ${seconds} s`);
}
