// `npm run build [-- --url https://example.org/digest/] [--out DIR] [--jobs N] [--clean]`: the site and
// feeds into _site/, incrementally from .gazette-cache/ unless --clean.

import { existsSync } from "node:fs";
import path from "node:path";
import { defaultJobs, startRenderThreads } from "../src/build/render-threads.ts";
import { manifestPath } from "../src/cache/build-manifest.ts";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { rootOption } from "../src/cli/shared-options.ts";
import { formatDiagnostic, hasErrors, sortDiagnostics } from "../src/shared/diagnostic.ts";

const command = defineCommand({
  command: "npm run build",
  summary: "checks every article, then builds the site and feeds into _site/ (swapped in only on success)",
  options: {
    url: {
      type: "string",
      value: "URL",
      description: "the absolute address the site is served from; a path is a path prefix",
      defaultText: "$GAZETTE_URL, else url in gazette.config.yaml",
    },
    out: { type: "string", value: "DIR", description: "the output folder", defaultText: "_site" },
    root: rootOption,
    jobs: {
      type: "string",
      value: "N",
      description: "render workers (1: render in one thread)",
      defaultText: "one per core",
      check: (value) =>
        /^[1-9]\d*$/.test(value)
          ? null
          : `--jobs "${value}" is not a number of workers (expected a whole number, 1 or more)`,
    },
    "no-search": {
      type: "boolean",
      description: "skip the search index (Pagefind): /search/ finds nothing; for measuring its cost",
    },
    templates: {
      type: "string",
      value: "DIR",
      description: "a templates folder of your own (pages/, layouts/, partials/, assets/)",
      defaultText: "Gazette's templates/",
    },
    clean: {
      type: "boolean",
      description: "ignore the cache in .gazette-cache/: render every page again (same bytes, slower)",
    },
  },
  examples: [
    "npm run build",
    "npm run build -- --clean --jobs 1",
    "npm run build -- --url https://example.org/digest/ --out /tmp/site",
  ],
});

const { values } = parseCommandLine(command);
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
const started = performance.now();
// A cold build (no output or no manifest yet, or --clean) renders everything in workers: start them now,
// so they load their modules while this thread loads the build's (the import below) and reads the
// articles, which they then help parse. (The build decides for itself; threads it does not use are ended.)
const root = path.resolve(values.root);
const cold =
  values.clean === true ||
  !existsSync(path.resolve(values.out ?? path.join(root, "_site"))) ||
  !existsSync(manifestPath(path.join(root, ".gazette-cache")));
const threadCount = jobs ?? defaultJobs();
const threads = cold && threadCount > 1 ? startRenderThreads(threadCount) : [];
const { buildSite } = await import("../src/build/build-site.ts");
const result = await buildSite({
  threads,
  root: values.root,
  now: new Date(),
  clean: values.clean === true,
  search: !values["no-search"],
  ...(values.templates ? { templatesDir: values.templates } : {}),
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
