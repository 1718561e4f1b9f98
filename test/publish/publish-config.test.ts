import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadPublishConfig, parsePublishConfig } from "../../src/publish/publish-config.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";

const parse = suite("parsePublishConfig");

parse("defaults: no deploy, daily", () => {
  assert.equal(parsePublishConfig("title: x\n"), {
    config: { deploy: null, schedule: { kind: "daily" } },
    diagnostics: [],
  });
});

parse("a deploy command and weekdays, as a list or a comma-separated string", () => {
  const list = parsePublishConfig(
    'publish:\n  deploy: "rsync -a _site/ host:/srv/"\n  schedule: [Thursday, mon, monday]\n',
  );
  assert.equal(list.config, {
    deploy: "rsync -a _site/ host:/srv/",
    schedule: { kind: "weekdays", days: [1, 4] },
  });
  assert.equal(parsePublishConfig("publish:\n  schedule: fri, tue\n").config?.schedule, {
    kind: "weekdays",
    days: [2, 5],
  });
  assert.equal(parsePublishConfig("publish:\n  schedule: never\n").config?.schedule, { kind: "never" });
});

parse("problems name the line, the value and what is expected", () => {
  const text = "title: x\npublish:\n  deploy: 3\n  schedule: [monday, thurzday]\n  shedule: daily\n";
  const r = parsePublishConfig(text);
  assert.is(r.config, null);
  assert.equal(r.diagnostics.map(formatDiagnostic), [
    'gazette.config.yaml:5 warning config/unknown-key: unknown key "publish.shedule" (did you mean "publish.schedule"?)',
    "gazette.config.yaml:3 error config/publish-deploy: publish.deploy is 3 (expected a shell command, in quotes)",
    'gazette.config.yaml:4 error config/publish-schedule: publish.schedule has "thurzday", which is not a weekday (did you mean "thursday"?) (expected daily, never, or weekdays such as [monday, thursday])',
  ]);
  assert.match(
    formatDiagnostic(parsePublishConfig("publish: yes\n").diagnostics[0] as never),
    "publish is not a group",
  );
});

const load = suite("loadPublishConfig");

load("reads the project's configuration; a missing file is an error", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "gazette-publish-config-"));
  assert.is((await loadPublishConfig(root)).config, null);
  await writeFile(path.join(root, "gazette.config.yaml"), "publish:\n  deploy: make deploy\n");
  assert.is((await loadPublishConfig(root)).config?.deploy, "make deploy");
  await rm(root, { recursive: true });
});

parse.run();
load.run();
