import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  hostOption,
  portOption,
  portProblem,
  readNow,
  rootOption,
  rootProblem,
  withoutDefault,
} from "../../src/cli/shared-options.ts";

const clock = () => new Date("2024-03-08T10:00:00Z");

const now = suite("readNow");
now("absent: the clock; ISO 8601: that instant", () => {
  assert.equal(readNow(undefined, clock), { ok: true, now: clock() });
  const given = readNow("2024-03-07T09:00:00+01:00", clock);
  assert.equal(given.ok && given.now.toISOString(), "2024-03-07T08:00:00.000Z");
});
now("anything else: one line naming the value and the expected form", () => {
  for (const bad of ["tomorrow", "March 7, 2024", "2024-13-45", "1709805600000"]) {
    const r = readNow(bad, clock);
    assert.equal(r, {
      ok: false,
      message: `--now "${bad}" is not a date-time (expected ISO 8601, e.g. 2024-03-07T09:00:00Z)`,
    });
  }
});
now.run();

const port = suite("portProblem");
port("0 to 65535 are ports; the rest is named", () => {
  for (const good of ["0", "8080", "65535"]) assert.is(portProblem(good), null);
  for (const bad of ["65536", "-1", "http", "80.5", ""])
    assert.is(portProblem(bad), `--port "${bad}" is not a port number (expected 0 to 65535)`);
});
port.run();

const host = suite("hostOption");
host("the default and the purpose given, the same warning about 0.0.0.0", () => {
  const option = hostOption("127.0.0.1", "the address to serve on");
  assert.is(option.default, "127.0.0.1");
  assert.is(
    option.description,
    "the address to serve on (0.0.0.0: every interface, reachable from the network)",
  );
});
host.run();

const portOpt = suite("portOption");
portOpt("the default and the purpose given", () => {
  const option = portOption("8025");
  assert.equal([option.default, option.description], ["8025", "the port to listen on (0: any free one)"]);
});
portOpt.run();

const root = suite("rootProblem");
root("a folder: null; missing or a file: one line naming it and what --root should be", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-root-"));
  try {
    const file = path.join(dir, "gazette.config.yaml");
    await writeFile(file, "title: x\n");
    assert.is(rootProblem(dir), null);
    const expected = "(expected the project folder, with gazette.config.yaml and articles/)";
    assert.is(
      rootProblem(path.join(dir, "nope")),
      `--root "${path.join(dir, "nope")}" does not exist ${expected}`,
    );
    assert.is(rootProblem(file), `--root "${file}" is a file ${expected}`);
    // It is what --root checks, in every command.
    assert.is(rootOption.check, rootProblem);
  } finally {
    await rm(dir, { recursive: true });
  }
});
root.run();

const without = suite("withoutDefault");
without("drops only the parsed default", () => {
  const option = withoutDefault(portOption("8787"));
  assert.ok(!("default" in option));
  assert.is(option.value, "N");
});
without.run();
