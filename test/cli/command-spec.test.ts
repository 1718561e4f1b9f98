import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineCommand } from "../../src/cli/command-spec.ts";

const define = suite("defineCommand");

define("returns the declaration as given", () => {
  const spec = { command: "npm run x", summary: "s", options: {}, examples: ["npm run x"] };
  assert.is(defineCommand(spec), spec);
});

define.run();
