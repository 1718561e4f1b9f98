import { buildSite } from "../build/build-site.ts";
import { loadConfig } from "../config/load-config.ts";
import type { SendReporter } from "../newsletter/send/run-send.ts";
import { undoLastIssue } from "../newsletter/undo-last-issue.ts";
import { formatDiagnostic, hasErrors } from "../shared/diagnostic.ts";
import { loadPublishConfig } from "./publish-config.ts";
import { PUBLISH_STEPS, type PublishOptions, type PublishRun, type PublishStep } from "./publish-steps.ts";

/** Takes back an issue this run made before anyone got it, so a rerun makes it again. */
async function rollBack(run: PublishRun): Promise<string> {
  if (run.madeIssue === null || run.sendStarted) return "";
  const undone = await undoLastIssue(run.options.root);
  if (!undone.ok) return ` Issue ${run.madeIssue} could not be taken back: ${undone.message}.`;
  let note = ` Issue ${run.madeIssue} was taken back (newsletter/ and the ledger are as before)`;
  if (run.siteHasIssue) {
    const rebuilt = await buildSite({ root: run.options.root, now: run.options.now });
    note += rebuilt.ok ? " and _site/ rebuilt without it" : "; rebuilding _site/ without it failed too";
  }
  return `${note}.`;
}

/** What a failure at this step leaves, and what to do next. */
function afterFailure(step: PublishStep, run: PublishRun): string {
  if (run.sendStarted)
    return ` Issue ${run.madeIssue} is made and deployed; "npm run newsletter -- send ${run.madeIssue}" sends it to those who have not had it.`;
  if (step.name === "deploy") return " The site is built but not deployed.";
  return "";
}

/**
 * `npm run publish`: the daily routine, step by step (`PUBLISH_STEPS`): check, build, make the next issue
 * when due, build again, deploy, send. Stops at the first failure; an issue made in this run is taken back
 * if a later step fails before the send begins, so nothing is left half-done. Returns the exit code.
 */
export async function runPublish(
  options: PublishOptions,
  io: SendReporter,
  steps: readonly PublishStep[] = PUBLISH_STEPS,
): Promise<number> {
  const loaded = await loadConfig(options.root);
  const publish = await loadPublishConfig(options.root);
  const diagnostics = [...loaded.diagnostics, ...publish.diagnostics];
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  if (hasErrors(diagnostics) || !loaded.config || !publish.config) {
    io.err("publish stopped before the first step: fix the configuration; nothing was changed");
    return 1;
  }
  const run: PublishRun = {
    options,
    io,
    config: loaded.config,
    publish: publish.config,
    madeIssue: null,
    siteHasIssue: false,
    sendStarted: false,
  };
  if (options.dryRun) io.out("Dry run: nothing is built, recorded, deployed or sent.");
  for (const [index, step] of steps.entries()) {
    const skipped = step.skip(run);
    io.out(`[${index + 1}/${steps.length}] ${step.name}${skipped ? ` — skipped (${skipped})` : ""}`);
    if (skipped) continue;
    let ok: boolean;
    try {
      ok = options.dryRun ? await step.dryRun(run) : await step.run(run);
    } catch (e) {
      io.err(`${step.name}: ${(e as Error).message}`);
      ok = false;
    }
    if (!ok) {
      const undone = options.dryRun ? "" : await rollBack(run);
      io.err(`publish stopped at step ${index + 1} (${step.name}).${undone}${afterFailure(step, run)}`);
      return 1;
    }
  }
  io.out(
    options.dryRun
      ? "Dry run done."
      : run.madeIssue === null
        ? "Published the site."
        : run.options.send
          ? `Published the site and issue ${run.madeIssue}.`
          : `Published the site and issue ${run.madeIssue}, not sent (--no-send): npm run newsletter -- send ${run.madeIssue} sends it.`,
  );
  return 0;
}
