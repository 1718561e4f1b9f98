import { suite } from "uvu";
import * as assert from "uvu/assert";
import { trainOnOption, trainsOn } from "../../scripts/import/training-options.ts";

const test = suite("training-options");

test("--train-on all fits both halves (the default); tune leaves the held half unseen", () => {
  assert.is(trainOnOption.default, "all");
  assert.ok(trainsOn("all", "tune"));
  assert.ok(trainsOn("all", "held"));
  assert.ok(trainsOn("tune", "tune"));
  assert.not.ok(trainsOn("tune", "held"));
});

test.run();
