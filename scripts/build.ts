// `npm run build [-- --url https://example.org/digest/] [--out DIR] [--jobs N] [--clean]`: the site and
// feeds into _site/, incrementally from .gazette-cache/ unless --clean.
import { parseArgs } from "node:util";
import { buildSite } from "../src/build/build-site.ts";
import { formatDiagnostic, hasErrors, sortDiagnostics } from "../src/shared/diagnostic.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string" },
    root: { type: "string", default: process.cwd() },
    jobs: { type: "string" },
    clean: { type: "boolean", default: false },
  },
});

const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
  console.error(`--jobs "${values.jobs}" is not a number of workers (expected a whole number, 1 or more)`);
  process.exit(1);
}
const started = performance.now();
const result = await buildSite({
  root: values.root,
  now: new Date(),
  clean: values.clean,
  ...(jobs === undefined ? {} : { jobs }),
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
  const kept = result.kept > 0 ? ` (${result.kept} unchanged)` : "";
  console.log(`Wrote ${result.written} files to ${result.outDir}${kept} in ${seconds} s`);
}
