import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readLedger } from "../../src/newsletter/ledger.ts";
import type { PublishOptions } from "../../src/publish/publish-steps.ts";
import { runPublish } from "../../src/publish/run-publish.ts";
import { articleFile, makeProject, projectConfig, putArticle, readTree } from "../newsletter/project.ts";
import { SECRET, sendRecorder } from "../newsletter/send/send-project.ts";
import { startRelay } from "../newsletter/send/smtp-fixture.ts";
import { startLocalHub } from "../websub/local-hub.ts";

/** A project whose deploy copies _site/ into $DEPLOY_TO (then runs `then`, e.g. a failing command). */
async function project(publish: string): Promise<string> {
  return makeProject(
    {
      "2024-03-07-alpha.md": articleFile("Alpha", "2024-03-07T09:00"),
      "2024-03-06-beta.md": articleFile("Beta", "2024-03-06T09:00"),
    },
    `${projectConfig()}publish:\n${publish}`,
  );
}

function options(
  root: string,
  env: Record<string, string>,
  extra: Partial<PublishOptions> = {},
): PublishOptions {
  return {
    root,
    now: new Date("2024-03-08T10:00:00Z"),
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    deploy: true,
    send: true,
    dryRun: false,
    to: null,
    ...extra,
  };
}

/** What a send needs in the environment (never contacted by the tests that use it: they stop earlier). */
const SEND_ENV = { SMTP_URL: "smtp://127.0.0.1:9", GAZETTE_UNSUBSCRIBE_SECRET: SECRET };

/** The project's files except the build output and cache, which git ignores (what the repository holds). */
async function recordOf(root: string): Promise<Map<string, Buffer>> {
  const tree = await readTree(root);
  for (const key of [...tree.keys()])
    if (key.startsWith("_site/") || key.startsWith(".gazette-cache/")) tree.delete(key);
  return tree;
}

const publish = suite("runPublish");

publish("check, build, issue, build, deploy (a copy into a folder), send, in that order", async () => {
  const root = await project('  deploy: cp -R _site/. "$DEPLOY_TO"\n');
  const target = await mkdtemp(path.join(os.tmpdir(), "gazette-deployed-"));
  const csv = path.join(root, "subscribers.csv");
  await writeFile(csv, "email,name\none@example.org,One\ntwo@example.org,\n");
  const relay = await startRelay();
  try {
    const io = sendRecorder();
    const env = { DEPLOY_TO: target, SMTP_URL: relay.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET };
    const code = await runPublish(options(root, env, { to: csv }), io);
    assert.is(code, 0, io.errors.join("\n"));
    assert.equal(
      io.lines.filter((l) => l.startsWith("[")),
      [
        "[1/7] check",
        "[2/7] build",
        "[3/7] issue",
        "[4/7] build the issue's web page",
        "[5/7] deploy",
        "[6/7] ping the hub — skipped (no feeds.hub in gazette.config.yaml)",
        "[7/7] send",
      ],
    );
    assert.is(io.lines.at(-1), "Published the site and issue 1.");
    // The deployed copy has the issue's web page, so the email's "read on the web" link works.
    assert.ok(existsSync(path.join(target, "newsletter", "1", "index.html")));
    assert.ok(existsSync(path.join(target, "2024", "03", "alpha", "index.html")));
    // The archive says "Issue 1: Alpha", not "Issue 1: Test Gazette #1: Alpha"; the range names the month once.
    const archive = await readFile(path.join(target, "newsletter", "index.html"), "utf8");
    assert.match(archive, "Issue 1</a>: Alpha");
    assert.not.match(archive, "Test Gazette #1");
    const issuePage = await readFile(path.join(target, "newsletter", "1", "index.html"), "utf8");
    assert.match(issuePage, "<title>Issue 1: Alpha");
    assert.match(issuePage, "Articles from 6–7 March 2024");
    assert.equal(relay.delivered.map((d) => d.to).sort(), ["one@example.org", "two@example.org"]);
    const { ledger } = await readLedger(root);
    assert.equal(
      ledger.issues.map((i) => i.entries.map((e) => e.slug)),
      [["alpha", "beta"]],
    );
    // Run again the same day: nothing new, no second issue, nothing sent twice.
    const again = sendRecorder();
    assert.is(await runPublish(options(root, env, { to: csv }), again), 0, again.errors.join("\n"));
    assert.match(again.lines.join("\n"), "[7/7] send — skipped (no new issue)");
    assert.is(relay.delivered.length, 2);
  } finally {
    await relay.close();
    await rm(root, { recursive: true });
    await rm(target, { recursive: true });
  }
});

publish("a failing deploy stops it, takes the issue back and sends nothing", async () => {
  const root = await project("  deploy: echo copying; exit 3\n");
  const before = await recordOf(root);
  const io = sendRecorder();
  const code = await runPublish(options(root, SEND_ENV, { to: "nobody.csv" }), io);
  assert.is(code, 1);
  assert.match(io.lines.join("\n"), "  copying");
  const errors = io.errors.join("\n");
  assert.match(errors, "publish.deploy exited with 3");
  assert.match(errors, "publish stopped at step 5 (deploy). Issue 1 was taken back");
  assert.not.match(io.lines.join("\n"), "[7/7]");
  assert.equal(await recordOf(root), before);
  // The site was rebuilt without the taken-back issue's page.
  assert.not.ok(existsSync(path.join(root, "_site", "newsletter", "1")));
  assert.ok(existsSync(path.join(root, "_site", "2024", "03", "alpha", "index.html")));
  await rm(root, { recursive: true });
});

publish(
  "after the deploy it pings the WebSub hub for the changed feeds; a refusing hub stops it",
  async () => {
    const hub = await startLocalHub(204);
    const root = await makeProject(
      { "2024-03-07-alpha.md": articleFile("Alpha", "2024-03-07T09:00") },
      `${projectConfig()}feeds:\n  hub: ${hub.url}\npublish:\n  deploy: touch deployed\n`,
    );
    try {
      const io = sendRecorder();
      assert.is(await runPublish(options(root, {}, { send: false }), io), 0, io.errors.join("\n"));
      assert.ok(io.lines.includes("[6/7] ping the hub"), io.lines.join("\n"));
      assert.ok(existsSync(path.join(root, "deployed")));
      assert.ok(hub.topics().includes("https://news.example.org/atom.xml"), hub.topics().join(" "));
      // Nothing changed since: the second run pings nothing.
      hub.requests.length = 0;
      const again = sendRecorder();
      assert.is(await runPublish(options(root, {}, { send: false }), again), 0, again.errors.join("\n"));
      assert.is(hub.requests.length, 0);
      // A hub that refuses stops the run at the ping, with the reason.
      await putArticle(root, "2024-03-08-gamma.md", articleFile("Gamma", "2024-03-08T08:00"));
      hub.answer(500);
      const refused = sendRecorder();
      assert.is(await runPublish(options(root, {}, { send: false }), refused), 1);
      assert.match(refused.errors.join("\n"), "the hub answered 500");
      assert.match(refused.errors.join("\n"), "publish stopped at step 6 (ping the hub).");
    } finally {
      await hub.close();
      await rm(root, { recursive: true });
    }
  },
);

publish("a broken article stops it at the check: nothing built, nothing recorded", async () => {
  const root = await project("  deploy: touch deployed\n");
  await putArticle(root, "2024-03-07-broken.md", "---\ntitle: Broken\ndate: 31/02/2024\n---\nText.\n");
  const before = await recordOf(root);
  const io = sendRecorder();
  assert.is(await runPublish(options(root, {}), io), 1);
  assert.match(io.errors.join("\n"), "articles/2024-03-07-broken.md:3");
  assert.match(io.errors.join("\n"), "publish stopped at step 1 (check).");
  assert.equal(await recordOf(root), before);
  assert.not.ok(existsSync(path.join(root, "_site")));
  await rm(root, { recursive: true });
});

publish("not a scheduled day: the site is built, no issue; --no-deploy and --no-send skip", async () => {
  // 2024-03-08 is a Friday.
  const root = await project("  deploy: touch deployed\n  schedule: [monday, thursday]\n");
  const io = sendRecorder();
  assert.is(await runPublish(options(root, {}, { deploy: false, send: false }), io), 0, io.errors.join("\n"));
  const text = io.lines.join("\n");
  assert.match(text, "no issue: not a scheduled day (publish.schedule: today is Friday)");
  assert.match(text, "[5/7] deploy — skipped (--no-deploy)");
  assert.match(text, "[7/7] send — skipped (--no-send)");
  assert.not.ok(existsSync(path.join(root, "deployed")));
  assert.not.ok(existsSync(path.join(root, "newsletter")));
  assert.ok(existsSync(path.join(root, "_site", "index.html")));
  await rm(root, { recursive: true });
});

publish("--dry-run says what each step would do and changes nothing", async () => {
  const root = await project("  deploy: touch deployed\n");
  const before = await readTree(root);
  const io = sendRecorder();
  assert.is(await runPublish(options(root, SEND_ENV, { dryRun: true }), io), 0, io.errors.join("\n"));
  const text = io.lines.join("\n");
  assert.match(text, "Would make issue 1 with 2 articles");
  assert.match(text, "would run in");
  assert.match(text, "would send issue 1 to the confirmed subscribers");
  assert.equal(await readTree(root), before);
  assert.not.ok(existsSync(path.join(root, "_site")));
  await rm(root, { recursive: true });
});

publish(
  "settings a send needs are checked first: missing, nothing is built, recorded or deployed",
  async () => {
    const root = await project("  deploy: touch deployed\n");
    const before = await recordOf(root);
    for (const [env, expected] of [
      [{ SMTP_URL: "smtp://127.0.0.1:9" }, "GAZETTE_UNSUBSCRIBE_SECRET is not set"],
      [{ GAZETTE_UNSUBSCRIBE_SECRET: SECRET }, "no SMTP relay configured"],
      [
        { GAZETTE_UNSUBSCRIBE_SECRET: "short", SMTP_URL: "smtp://127.0.0.1:9" },
        "GAZETTE_UNSUBSCRIBE_SECRET has 5 bytes",
      ],
    ] as const) {
      for (const dryRun of [false, true]) {
        const io = sendRecorder();
        assert.is(await runPublish(options(root, env, { dryRun }), io), 1, expected);
        const errors = io.errors.join("\n");
        assert.match(errors, `the send step could not send: ${expected}`);
        assert.match(errors, "(or pass --no-send)");
        assert.match(errors, "publish stopped at step 1 (check).");
        assert.equal(await recordOf(root), before);
        assert.not.ok(existsSync(path.join(root, "_site")));
        assert.not.ok(existsSync(path.join(root, "deployed")));
      }
    }
    // Without the send, or with a schedule that never makes an issue, they are not needed.
    const io = sendRecorder();
    assert.is(await runPublish(options(root, {}, { send: false }), io), 0, io.errors.join("\n"));
    assert.ok(existsSync(path.join(root, "deployed")));
    assert.is(
      io.lines.at(-1),
      "Published the site and issue 1, not sent (--no-send): npm run newsletter -- send 1 sends it.",
    );
    const never = await project("  schedule: never\n");
    assert.is(await runPublish(options(never, {}), sendRecorder()), 0);
    await rm(root, { recursive: true });
    await rm(never, { recursive: true });
  },
);

publish("a bad publish group stops it before the first step", async () => {
  const root = await project("  schedule: fortnightly\n");
  const io = sendRecorder();
  assert.is(await runPublish(options(root, {}), io), 1);
  assert.match(
    io.errors.join("\n"),
    /gazette\.config\.yaml:\d+ error config\/publish-schedule: publish\.schedule has "fortnightly"/,
  );
  assert.equal(io.lines, []);
  assert.is(
    await readFile(path.join(root, "gazette.config.yaml"), "utf8").then((t) => t.includes("fortnightly")),
    true,
  );
  await rm(root, { recursive: true });
});

publish.run();
