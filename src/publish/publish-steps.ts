import { buildSite } from "../build/build-site.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { readLedger } from "../newsletter/ledger.ts";
import { type Reporter, runNewsletter } from "../newsletter/run-newsletter.ts";
import { runSend, type SendReporter } from "../newsletter/send/run-send.ts";
import { sendSettingsProblem } from "../newsletter/send/send-settings-problem.ts";
import { formatDiagnostic, hasErrors, sortDiagnostics } from "../shared/diagnostic.ts";
import { loadSiteData } from "../site/load-site-data.ts";
import { runPing } from "../websub/run-ping.ts";
import { issueNotDue } from "./issue-due.ts";
import type { PublishConfig } from "./publish-config.ts";
import { runShell } from "./run-shell.ts";

/** What `npm run publish` was asked to do. */
export interface PublishOptions {
  root: string;
  /** The clock, passed in at the edge. */
  now: Date;
  env: Record<string, string | undefined>;
  /** `--no-deploy`: skip the deploy step. */
  deploy: boolean;
  /** `--no-send`: skip the send step. */
  send: boolean;
  /** `--dry-run`: check, then say what each step would do; change nothing. */
  dryRun: boolean;
  /** `--to FILE`: the subscribers CSV for the send step; null for the subscriber store. */
  to: string | null;
}

/** What the steps share while one run goes through them. */
export interface PublishRun {
  options: PublishOptions;
  io: SendReporter;
  config: SiteConfig;
  publish: PublishConfig;
  /** The issue number this run recorded, or null (none due, nothing new, or not yet). */
  madeIssue: number | null;
  /** Set once `_site/` holds the new issue's web page. */
  siteHasIssue: boolean;
  /** Set once the send step has begun: from then on nothing is taken back. */
  sendStarted: boolean;
}

/**
 * One step of the routine. `skip` says why this run leaves it out (null: it runs); `run` does it and says
 * whether it worked, having printed why not; `dryRun` prints what it would do, changing nothing.
 */
export interface PublishStep {
  name: string;
  skip(run: PublishRun): string | null;
  run(run: PublishRun): Promise<boolean>;
  dryRun(run: PublishRun): Promise<boolean>;
}

function report(diagnostics: Parameters<typeof sortDiagnostics>[0], io: Reporter): boolean {
  for (const d of sortDiagnostics(diagnostics)) if (d.severity === "error") io.err(formatDiagnostic(d));
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (warnings > 0) io.err(`${warnings} warning${warnings === 1 ? "" : "s"} (npm run build lists them)`);
  return !hasErrors(diagnostics);
}

async function build(run: PublishRun): Promise<boolean> {
  const result = await buildSite({ root: run.options.root, now: run.options.now });
  const ok = report(result.diagnostics, run.io) && result.ok;
  if (ok) run.io.out(`  wrote ${result.written} files to _site/`);
  return ok;
}

/**
 * Checks every article and the configuration, as the build would, writing nothing; and, when this run may
 * send, the settings the send needs (SMTP, the unsubscribe secret), so that a missing one stops the run
 * before an issue is made and deployed that could not go out.
 */
const check: PublishStep = {
  name: "check",
  skip: () => null,
  run: async (run) => {
    const loaded = await loadSiteData({ root: run.options.root, now: run.options.now });
    const ok = report(loaded.diagnostics, run.io) && loaded.data !== null;
    if (!ok) return false;
    if (run.options.send && run.publish.schedule.kind !== "never") {
      const problem = sendSettingsProblem(run.config, run.options.env);
      if (problem) {
        run.io.err(`  the send step could not send: ${problem} (or pass --no-send)`);
        return false;
      }
    }
    run.io.out(`  ${loaded.data?.model.articles.length ?? 0} articles, no errors`);
    return true;
  },
  dryRun: (run) => check.run(run),
};

/** Builds the site and feeds into _site/ (swapped in only on success). */
const buildStep: PublishStep = {
  name: "build",
  skip: () => null,
  run: build,
  dryRun: async (run) => {
    run.io.out("  would build the site into _site/");
    return true;
  },
};

async function whyNoIssue(run: PublishRun): Promise<string | null> {
  const { ledger } = await readLedger(run.options.root);
  return issueNotDue(
    run.publish.schedule,
    run.options.now,
    run.config.timeZone,
    ledger.issues.at(-1)?.date ?? null,
  );
}

function newsletterOptions(run: PublishRun, dryRun: boolean) {
  return {
    root: run.options.root,
    now: run.options.now,
    since: null,
    until: null,
    limit: null,
    dryRun,
    issue: null,
    intro: null,
  };
}

/** Makes the next issue when the schedule says so and there are new articles. */
const issueStep: PublishStep = {
  name: "issue",
  skip: () => null,
  run: async (run) => {
    const notDue = await whyNoIssue(run);
    if (notDue) {
      run.io.out(`  no issue: ${notDue}`);
      return true;
    }
    const before = (await readLedger(run.options.root)).ledger.issues.length;
    const indent: Reporter = { out: (l) => run.io.out(`  ${l}`), err: run.io.err };
    if ((await runNewsletter(newsletterOptions(run, false), indent)) !== 0) return false;
    const after = (await readLedger(run.options.root)).ledger.issues.length;
    if (after > before) run.madeIssue = after;
    return true;
  },
  dryRun: async (run) => {
    const notDue = await whyNoIssue(run);
    if (notDue) {
      run.io.out(`  no issue: ${notDue}`);
      return true;
    }
    const lines: string[] = [];
    const code = await runNewsletter(newsletterOptions(run, true), {
      out: (l) => lines.push(l),
      err: run.io.err,
    });
    for (const l of lines) run.io.out(`  ${l}`);
    if (lines.some((l) => l.startsWith("Would make issue")))
      run.madeIssue = (await readLedger(run.options.root)).ledger.issues.length + 1;
    return code === 0;
  },
};

/** Builds again so the new issue's web version (/newsletter/<N>/) exists before anyone gets the email. */
const rebuildStep: PublishStep = {
  name: "build the issue's web page",
  skip: (run) => (run.madeIssue === null ? "no new issue" : null),
  run: async (run) => {
    run.siteHasIssue = await build(run);
    return run.siteHasIssue;
  },
  dryRun: async (run) => {
    run.io.out(`  would build again, with /newsletter/${run.madeIssue}/`);
    return true;
  },
};

/** Runs `publish.deploy` in the project root. */
const deployStep: PublishStep = {
  name: "deploy",
  skip: (run) =>
    !run.options.deploy
      ? "--no-deploy"
      : run.publish.deploy === null
        ? "no publish.deploy in gazette.config.yaml"
        : null,
  run: async (run) => {
    const command = run.publish.deploy ?? "";
    run.io.out(`  $ ${command}`);
    const code = await runShell(command, run.options.root, run.options.env, {
      out: (l) => run.io.out(`  ${l}`),
      err: (l) => run.io.err(`  ${l}`),
    });
    if (code !== 0) run.io.err(`publish.deploy exited with ${code}`);
    return code === 0;
  },
  dryRun: async (run) => {
    run.io.out(`  would run in ${run.options.root}: ${run.publish.deploy}`);
    return true;
  },
};

/** Tells the WebSub hub (`feeds.hub`) which feeds changed, once the deploy has put them online. */
const pingStep: PublishStep = {
  name: "ping the hub",
  skip: (run) =>
    run.config.feeds.hub === null
      ? "no feeds.hub in gazette.config.yaml"
      : !run.options.deploy
        ? "--no-deploy"
        : run.publish.deploy === null
          ? "no publish.deploy: run npm run ping once the site is online"
          : null,
  run: async (run) =>
    (await runPing(
      { root: run.options.root },
      { out: (l) => run.io.out(`  ${l.trimStart()}`), err: (l) => run.io.err(`  ${l.trimStart()}`) },
    )) === 0,
  dryRun: async (run) =>
    (await runPing(
      { root: run.options.root, dryRun: true },
      { out: (l) => run.io.out(`  ${l.trimStart()}`), err: (l) => run.io.err(`  ${l.trimStart()}`) },
    )) === 0,
};

/** Sends the issue this run made (to the subscriber store, or `--to FILE`). */
const sendStep: PublishStep = {
  name: "send",
  skip: (run) => (!run.options.send ? "--no-send" : run.madeIssue === null ? "no new issue" : null),
  run: async (run) => {
    run.sendStarted = true;
    const code = await runSend(
      {
        root: run.options.root,
        issue: run.madeIssue ?? 0,
        to: run.options.to,
        dryRun: false,
        test: null,
        rate: null,
        resendUnknown: false,
        retryFailed: false,
        env: run.options.env,
        backoffMs: 1000,
      },
      run.io,
    );
    return code === 0;
  },
  dryRun: async (run) => {
    run.io.out(
      `  would send issue ${run.madeIssue}${run.options.to ? ` to the subscribers in ${run.options.to}` : " to the confirmed subscribers"}`,
    );
    return true;
  },
};

/**
 * The daily routine, in order. Another step goes in here: give it a `skip` that reads the run's flags and
 * a `run` that returns false on failure; the runner does the rest. The WebSub ping follows the deploy (the
 * hub fetches the feeds from the live site) and precedes the send, which may take long.
 */
export const PUBLISH_STEPS: readonly PublishStep[] = [
  check,
  buildStep,
  issueStep,
  rebuildStep,
  deployStep,
  pingStep,
  sendStep,
];
