// The example workflow in docs/examples/publish-daily.yml: valid YAML in the shape GitHub Actions reads,
// running only commands that exist (and work, on a fixture project), caching the build's cache, and
// giving the SMTP secrets only to the step that sends.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDocument } from "yaml";
import { articleFile, makeProject, projectConfig } from "../newsletter/project.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const text = readFileSync(new URL("../../docs/examples/publish-daily.yml", import.meta.url), "utf8");
const scripts = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}

function parsed() {
  const doc = parseDocument(text, { uniqueKeys: true });
  assert.equal(
    doc.errors.map((e) => e.message),
    [],
  );
  return doc.toJS() as {
    on: { schedule: { cron: string }[] };
    env?: Record<string, string>;
    jobs: Record<string, { "runs-on": string; env?: Record<string, string>; steps: Step[] }>;
  };
}

const workflow = suite("docs/examples/publish-daily.yml");

workflow("is YAML in the shape of a GitHub Actions workflow, run daily", () => {
  const w = parsed();
  assert.match(w.on.schedule[0]?.cron ?? "", /^\S+ \S+ \* \* \*$/);
  const job = w.jobs.publish;
  assert.ok(job, "a publish job");
  assert.is(job["runs-on"], "ubuntu-latest");
  for (const step of job.steps)
    assert.ok(
      (step.uses === undefined) !== (step.run === undefined),
      `a step is uses or run: ${JSON.stringify(step)}`,
    );
  // Expressions refer to step ids that exist.
  const ids = new Set(job.steps.map((s) => s.id).filter(Boolean));
  for (const [, id] of text.matchAll(/steps\.([\w-]+)\./g)) assert.ok(ids.has(id), `no step with id ${id}`);
});

workflow("every npm command it runs is a script of package.json", () => {
  const runs = parsed().jobs.publish?.steps.flatMap((s) => (s.run ? [s.run] : [])) ?? [];
  const used = runs.flatMap((r) => [...r.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] as string));
  assert.ok(used.includes("publish") && used.includes("newsletter"), used.join(" "));
  for (const name of used) assert.ok(scripts[name], `npm run ${name} is not in package.json`);
  assert.ok(runs.includes("npm ci"));
});

workflow("caches npm's downloads and the build's cache, before the publish step", () => {
  const steps = parsed().jobs.publish?.steps ?? [];
  const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
  assert.is(node?.with?.cache, "npm");
  const cache = steps.findIndex(
    (s) => s.uses?.startsWith("actions/cache@") && s.with?.path === ".gazette-cache",
  );
  const publish = steps.findIndex((s) => s.run?.startsWith("npm run publish"));
  assert.ok(cache >= 0 && cache < publish, "an actions/cache step for .gazette-cache before npm run publish");
});

workflow("the SMTP and store secrets go only to the step that sends", () => {
  const w = parsed();
  const job = w.jobs.publish;
  for (const env of [w.env, job?.env])
    assert.not.match(JSON.stringify(env ?? {}), "secrets.", "no secret for the whole workflow or job");
  const secretSteps = job?.steps.filter((s) => JSON.stringify(s).includes("secrets.")) ?? [];
  assert.is(secretSteps.length, 1);
  const send = secretSteps[0];
  assert.match(send?.run ?? "", "npm run newsletter -- send");
  for (const name of ["SMTP_URL", "GAZETTE_UNSUBSCRIBE_SECRET", "DATABASE_URL"])
    assert.is(send?.env?.[name], `\${{ secrets.${name} }}`);
});

workflow("its publish command line is accepted and works on a project (as a dry run)", async () => {
  const step = parsed().jobs.publish?.steps.find((s) => s.run?.startsWith("npm run publish"));
  const args = (step?.run ?? "").replace(/^npm run publish -- /, "").split(/\s+/);
  const root = await makeProject(
    { "2024-03-07-alpha.md": articleFile("Alpha", "2024-03-07T09:00") },
    projectConfig(),
  );
  try {
    const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          "scripts/publish.ts",
          ...args,
          "--dry-run",
          "--root",
          root,
          "--now",
          "2024-03-08T10:00:00Z",
        ],
        { cwd: repo, stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } },
      );
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", (d) => {
        out += d;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out }));
    });
    assert.is(result.code, 0, result.out);
    assert.match(result.out, "Would make issue 1 with 1 article");
    assert.match(result.out, "[5/7] deploy — skipped (--no-deploy)");
    assert.match(result.out, "[7/7] send — skipped (--no-send)");
  } finally {
    await rm(root, { recursive: true });
  }
});

workflow.run();
