import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/build/build-site.ts";
import { loadConfig } from "../../src/config/load-config.ts";
import { smtpSettings } from "../../src/newsletter/send/smtp-settings.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { openStore } from "../../src/subscriptions/open-store.ts";
import { serviceSettings } from "../../src/subscriptions/service-settings.ts";
import { startService } from "../../src/subscriptions/start-service.ts";
import { type Delivered, startRelay } from "../newsletter/send/smtp-fixture.ts";
import { serveFolder } from "./static-server.ts";

/** One check's outcome: a name and, when it failed, what was seen. */
export interface SubscriptionCheck {
  name: string;
  problems: string[];
}

const run = promisify(execFile);
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const SECRET = "a-browser-test-secret-of-at-least-32-bytes";
const READER = "reader.one@example.org";

function config(siteUrl: string, serviceUrl: string): string {
  return [
    "title: Signup Gazette",
    "description: A site to subscribe to.",
    `url: ${siteUrl}`,
    "language: en-GB",
    "time_zone: Europe/London",
    "newsletter:",
    "  from: Signup Gazette <digest@example.org>",
    "  unsubscribe_mailto: unsubscribe@example.org",
    "  postal_address: 1 Signup Street, Testville",
    "subscriptions:",
    `  url: ${serviceUrl}`,
    "",
  ].join("\n");
}

const ARTICLE = `---
title: "Harbour reopens after the storm"
date: 2021-05-04
source: Harbour Times
tags: [Shipping]
---
The harbour reopened on Tuesday after a week of repairs, officials said.
`;

/** Waits (at most 10 s) until the relay holds more than `count` messages; returns the newest. */
async function nextMessage(delivered: Delivered[], count: number): Promise<Delivered> {
  const until = Date.now() + 10_000;
  while (delivered.length <= count) {
    if (Date.now() > until) throw new Error(`no message arrived at the relay (it holds ${count})`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return delivered[delivered.length - 1] as Delivered;
}

/** axe-core's default rules (best practices included) on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<unknown> } }).axe;
    return axe.run(document);
  })) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}`,
  );
}

async function heading(page: Page): Promise<string> {
  return ((await page.textContent("h1")) ?? "").trim();
}

/** Presses the page's one form button and waits (at most 10 s) for the next page's heading. */
async function press(page: Page): Promise<string> {
  const before = await heading(page);
  await page.click("main form button");
  await page.waitForFunction(
    (old) => {
      const h1 = document.querySelector("h1");
      return h1 !== null && (h1.textContent ?? "").trim() !== old;
    },
    before,
    { timeout: 10_000 },
  );
  return heading(page);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * A reader's whole round trip in Chromium, against the real service: a fixture site whose
 * `subscriptions.url` is the service on a free loopback port, served from a second loopback port; an SMTP
 * sink takes the mails. The reader fills the subscribe form and lands on "check your inbox"; opens the
 * confirmation link from the captured mail (a page with one button: the store is unchanged), presses it (the
 * store says confirmed); gets an issue through `npm run newsletter -- send 1` (no `--to`: the store), opens
 * its unsubscribe link (unchanged again) and presses the button (unsubscribed). Every page the service
 * shows passes axe-core, and no address reaches the built site.
 */
export async function checkSubscriptions(browser: Browser, repo: string): Promise<SubscriptionCheck[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), "gazette-subscriptions-browser-"));
  const checks: SubscriptionCheck[] = [];
  const check = (name: string, problems: string[]) => checks.push({ name, problems });
  const project = path.join(work, "project");
  const siteDir = path.join(work, "site");
  const env = {
    // Where the service keeps it by default: in the project, beside what the build reads.
    GAZETTE_SUBSCRIBERS_DB: path.join(project, "data", "subscribers.db"),
    GAZETTE_UNSUBSCRIBE_SECRET: SECRET,
  };
  await mkdir(path.join(project, "articles"), { recursive: true });
  await mkdir(siteDir, { recursive: true });
  await writeFile(path.join(project, "articles", "2021-05-04-harbour.md"), ARTICLE);
  const relay = await startRelay();
  const site = await serveFolder(siteDir);
  const smtpEnv = { SMTP_URL: relay.url };
  const smtp = smtpSettings(smtpEnv);
  if (!smtp.ok) throw new Error(smtp.message);
  const store = await openStore(env, project, new Date());
  let service: Awaited<ReturnType<typeof startService>> | null = null;
  const logs: string[] = [];
  try {
    // The service first (port 0), then the site's configuration with the service's real address.
    await writeFile(path.join(project, "gazette.config.yaml"), config(site.url, "http://127.0.0.1:1/"));
    const placeholder = await loadConfig(project);
    if (!placeholder.config) throw new Error(placeholder.diagnostics.map(formatDiagnostic).join("\n"));
    const settings = serviceSettings(placeholder.config, { ...env, PORT: "0" });
    if (!settings.ok) throw new Error(settings.messages.join("\n"));
    service = await startService({
      config: placeholder.config,
      settings: settings.settings,
      store,
      // As the command does: the confirmation mails from their own thread, through SMTP_URL.
      mail: { smtp: smtp.settings, envelope: "digest@example.org" },
      publicUrl: (port) => `http://127.0.0.1:${port}/`,
      log: (line) => void logs.push(line),
    });
    const serviceUrl = `${service.address}/`;
    await writeFile(path.join(project, "gazette.config.yaml"), config(site.url, serviceUrl));
    const built = await buildSite({
      root: project,
      outDir: siteDir,
      now: new Date("2022-01-01T00:00:00Z"),
      jobs: 1,
    });
    if (!built.ok) throw new Error(built.diagnostics.map(formatDiagnostic).join("\n"));

    // No JavaScript is needed, so none runs: the pages work as they would for a reader without it. The
    // context allows axe's script past the service's Content-Security-Policy only for the checks.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const status = async () => (await store.get(READER))?.status ?? "absent";

    // 1. The subscribe page's form posts to the service and lands on "check your inbox".
    await page.goto(`${site.url}subscribe/`);
    const action = (await page.getAttribute("form.signup", "action")) ?? "";
    await page.fill("#signup-email", READER);
    await page.fill("#signup-name", "Reader One");
    await Promise.all([page.waitForURL(`${serviceUrl}check-inbox`), page.click("form.signup button")]);
    const inbox = await heading(page);
    check("subscriptions: the built subscribe form posts to the service and lands on “check your inbox”", [
      ...(action === `${serviceUrl}subscribe` ? [] : [`form action: ${action}`]),
      ...(inbox === "Check your inbox" ? [] : [`heading after submitting: ${inbox}`]),
      ...((await status()) === "pending" ? [] : [`store after the form: ${await status()}`]),
      ...(await axeViolations(page)).map((v) => `check-inbox page: ${v}`),
    ]);

    // 2. The confirmation link from the captured mail: GET shows one button and changes nothing.
    const mail = await simpleParser((await nextMessage(relay.delivered, 0)).raw);
    const link = /https?:\/\/\S+\/confirm\?token=[A-Za-z0-9._-]+/.exec(mail.text ?? "")?.[0] ?? "";
    const problems: string[] = [];
    if (relay.delivered[0]?.to !== READER) problems.push(`mail went to ${relay.delivered[0]?.to}`);
    if (!link.startsWith(`${serviceUrl}confirm?token=`)) problems.push(`confirmation link: "${link}"`);
    else {
      await page.goto(link);
      const buttons = await page.locator("main form[method=post] button").count();
      if ((await heading(page)) !== "Confirm your subscription")
        problems.push(`GET confirm heading: ${await heading(page)}`);
      if (buttons !== 1) problems.push(`GET confirm shows ${buttons} buttons (expected 1)`);
      if ((await status()) !== "pending") problems.push(`store after GET confirm: ${await status()}`);
      problems.push(...(await axeViolations(page)).map((v) => `confirm page: ${v}`));
      const after = await press(page);
      if (after !== "You are subscribed") problems.push(`after the button: ${after}`);
      if ((await status()) !== "confirmed") problems.push(`store after the button: ${await status()}`);
      problems.push(...(await axeViolations(page)).map((v) => `confirmed page: ${v}`));
    }
    check(
      "subscriptions: the emailed confirmation link shows one button (store unchanged); the button confirms",
      problems,
    );

    // 3. An issue sent to the store; its unsubscribe link: GET changes nothing, the button unsubscribes.
    const cli = path.join(repo, "scripts", "newsletter.ts");
    const childEnv = { ...process.env, ...env, ...smtpEnv, DATABASE_URL: "" };
    await run(process.execPath, ["--import", "tsx", cli, "--root", project, "--since", "2000-01-01"], {
      env: childEnv,
    });
    await run(process.execPath, ["--import", "tsx", cli, "send", "1", "--root", project], { env: childEnv });
    const issue = await simpleParser((await nextMessage(relay.delivered, 1)).raw);
    const unsubscribe =
      /https?:\/\/\S+\/unsubscribe\?email=[^\s&]+&token=[A-Za-z0-9_-]+/.exec(issue.text ?? "")?.[0] ?? "";
    const leaving: string[] = [];
    if (relay.delivered.length !== 2) leaving.push(`the relay holds ${relay.delivered.length} messages`);
    if (!unsubscribe.startsWith(`${serviceUrl}unsubscribe?`))
      leaving.push(`unsubscribe link: "${unsubscribe}"`);
    else {
      const header = issue.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
      if (!header.includes(`<${unsubscribe}>`))
        leaving.push(`List-Unsubscribe is "${header}", not the link in the text`);
      await page.goto(unsubscribe);
      if ((await heading(page)) !== "Unsubscribe")
        leaving.push(`GET unsubscribe heading: ${await heading(page)}`);
      const buttons = await page.locator("main form[method=post] button").count();
      if (buttons !== 1) leaving.push(`GET unsubscribe shows ${buttons} buttons (expected 1)`);
      if ((await status()) !== "confirmed") leaving.push(`store after GET unsubscribe: ${await status()}`);
      leaving.push(...(await axeViolations(page)).map((v) => `unsubscribe page: ${v}`));
      const after = await press(page);
      if (after !== "You are unsubscribed") leaving.push(`after the button: ${after}`);
      if ((await status()) !== "unsubscribed") leaving.push(`store after the button: ${await status()}`);
      leaving.push(...(await axeViolations(page)).map((v) => `unsubscribed page: ${v}`));
    }
    check(
      "subscriptions: send without --to reaches the reader; its unsubscribe link shows one button, which unsubscribes",
      leaving,
    );

    // 4. A forged token is refused in the browser too, and no address is in the built site.
    // The real token with its signature's last characters changed.
    const token = new URL(link || `${serviceUrl}confirm?token=none`).searchParams.get("token") ?? "";
    const tail = token.endsWith("AAAA") ? "BBBB" : "AAAA";
    await page.goto(`${serviceUrl}confirm?token=${token.slice(0, -4)}${tail}`);
    const forged = await heading(page);
    // The site as the editor builds it after sending: the store and the send log sit in the project.
    const rebuilt = await buildSite({ root: project, outDir: siteDir, now: new Date(), jobs: 1 });
    if (!rebuilt.ok) throw new Error(rebuilt.diagnostics.map(formatDiagnostic).join("\n"));
    const leaks: string[] = [];
    const sendLog = await readFile(path.join(project, "newsletter", "1", "send-log.jsonl"), "utf8").catch(
      () => "",
    );
    if (!sendLog.includes(READER))
      leaks.push("the send log does not name the reader: this check proves nothing");
    for (const file of await filesUnder(siteDir))
      if ((await readFile(file, "latin1")).includes(READER)) leaks.push(path.relative(siteDir, file));
    check(
      "subscriptions: a forged confirmation link is refused; no address in the service's log or in the site built after sending",
      [
        ...(forged === "This link does not work" ? [] : [`forged link heading: ${forged}`]),
        ...((await status()) === "unsubscribed" ? [] : [`store after the forged link: ${await status()}`]),
        ...leaks.map((f) => `the address is in ${f}`),
        ...(logs.length > 0 ? [] : ["the service logged nothing"]),
        ...logs.filter((l) => l.toLowerCase().includes(READER)).map((l) => `the log names the reader: ${l}`),
      ],
    );
    await context.close();
  } catch (e) {
    check("subscriptions: the round trip ran to its end", [(e as Error).message]);
  } finally {
    await service?.close();
    await store.close();
    await relay.close();
    await site.close();
    await rm(work, { recursive: true, force: true });
  }
  return checks;
}
