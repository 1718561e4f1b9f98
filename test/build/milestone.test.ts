import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createMilestone } from "../../src/build/milestone.ts";

const milestone = suite("createMilestone");

milestone("is not reached until reach is called; a waiter then goes on", async () => {
  const point = createMilestone();
  const seen: string[] = [];
  const waiting = point.reached.then(() => seen.push("after"));
  await Promise.resolve();
  assert.is(point.done, false);
  assert.equal(seen, []);
  seen.push("reach");
  point.reach();
  await waiting;
  assert.is(point.done, true);
  assert.equal(seen, ["reach", "after"]);
});

milestone(
  "a waiter that comes after it is reached goes on at once; reaching again changes nothing",
  async () => {
    const point = createMilestone();
    point.reach();
    point.reach();
    let went = false;
    await point.reached.then(() => {
      went = true;
    });
    assert.ok(went);
    assert.is(point.done, true);
  },
);

milestone.run();
