import { existsSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pagefindBinary, runPagefind } from "../../src/search/run-pagefind.ts";

const binary = suite("pagefindBinary");

binary("finds the binary the pagefind package installed for this platform", () => {
  const found = pagefindBinary({});
  assert.ok(found, "installed by npm as an optional dependency");
  assert.ok(existsSync(found ?? ""), `${found} exists`);
  assert.match(found ?? "", /@pagefind[\\/][^\\/]+[\\/]bin[\\/]pagefind/);
});

binary("honours the pagefind package's own overrides, the extended binary first", () => {
  assert.is(pagefindBinary({ PAGEFIND_BINARY_PATH: "/opt/pf" }), "/opt/pf");
  assert.is(
    pagefindBinary({ PAGEFIND_BINARY_PATH: "/opt/pf", PAGEFIND_EXTENDED_BINARY_PATH: "/opt/pfx" }),
    "/opt/pfx",
  );
});

binary.run();

const run = suite("runPagefind");

// Node itself stands in for Pagefind: a program that prints and exits as told.
const script = (code: string) => ["-e", code];

run("a zero exit is success, whatever was printed", async () => {
  assert.equal(await runPagefind(process.execPath, script("console.log('Running Pagefind')")), {
    errors: [],
  });
});

run("a failure is one error with Pagefind's own Error lines, once each", async () => {
  const result = await runPagefind(
    process.execPath,
    script(
      "console.log('Running'); console.error('Error: no index.'); console.log('Error: no index.'); console.error('Hint: check --site'); process.exit(3)",
    ),
  );
  assert.equal(result.errors, ["Pagefind exited with status 3: Error: no index."]);
});

run("without Error lines, everything it printed; without output, the status alone", async () => {
  const said = await runPagefind(process.execPath, script("console.error('disk full'); process.exit(1)"));
  assert.equal(said.errors, ["Pagefind exited with status 1: disk full"]);
  const quiet = await runPagefind(process.execPath, script("process.exit(2)"));
  assert.equal(quiet.errors, ["Pagefind exited with status 2"]);
});

run("a program that cannot start is an error naming it", async () => {
  const result = await runPagefind("/nonexistent/pagefind", []);
  assert.is(result.errors.length, 1);
  assert.match(result.errors[0] ?? "", "Pagefind could not start (/nonexistent/pagefind)");
});

run.run();
