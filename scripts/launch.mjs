// Runs a Gazette command (`build`, `serve`) from a bundle compiled once with esbuild, instead of loading
// every TypeScript module through tsx at each start: start-up is most of a small site's build. The bundle
// lives in node_modules/.cache/gazette/<hash of the sources>/ and is made again when a source changes.
// Without esbuild it falls back to tsx. Usage: node scripts/launch.mjs scripts/build.ts [flags]
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Bundle entry points: the commands, and the render worker they start. */
const ENTRIES = {
  build: "scripts/build.ts",
  serve: "scripts/serve.ts",
  "render-worker": "src/build/render-worker.ts",
};
const [script, ...args] = process.argv.slice(2);
const command = Object.keys(ENTRIES).find((name) => ENTRIES[name] === script && name !== "render-worker");
if (!command) {
  const scripts = Object.values(ENTRIES).filter((file) => file.startsWith("scripts/"));
  console.error(`usage: node scripts/launch.mjs <${scripts.join("|")}> [flags]`);
  process.exit(1);
}
const entry = path.join(root, ENTRIES[command]);
// The commands read their flags from process.argv as if started directly.
process.argv = [process.argv[0], entry, ...args];

/** A hash of the name, size and modification time of every source file: cheap, and changes with any edit. */
function sourcesHash() {
  const hash = createHash("sha1");
  for (const dir of ["src", "scripts"]) {
    const files = readdirSync(path.join(root, dir), { recursive: true }).map(String).sort();
    for (const file of files) {
      const stats = statSync(path.join(root, dir, file));
      if (stats.isFile()) hash.update(`${dir}/${file}\0${stats.size}\0${stats.mtimeMs}\n`);
    }
  }
  for (const file of ["package.json", "package-lock.json"]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(`${file}\0${statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

async function compile(outdir) {
  const esbuild = await import("esbuild");
  const temporary = `${outdir}.tmp-${process.pid}`;
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    sourcemap: "linked",
    logLevel: "error",
  });
  try {
    renameSync(temporary, outdir);
  } catch (e) {
    // Another build compiled the same sources at the same moment: use theirs.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(outdir)) throw e;
  }
}

let target;
try {
  // Below node_modules/, so the bundle's imports of packages resolve as the sources' do.
  const outdir = path.join(root, "node_modules", ".cache", "gazette", sourcesHash());
  if (!existsSync(path.join(outdir, `${command}.mjs`))) await compile(outdir);
  target = pathToFileURL(path.join(outdir, `${command}.mjs`)).href;
} catch (e) {
  process.stderr.write(`gazette: running from the TypeScript sources (${e.message.split("\n")[0]})\n`);
  const tsx = await import("tsx/esm/api");
  tsx.register();
  target = pathToFileURL(entry).href;
}
await import(target);
