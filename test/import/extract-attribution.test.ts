import { suite } from "uvu";
import * as assert from "uvu/assert";
import { extractAttribution } from "../../src/import/extract-attribution.ts";

const attribution = suite("extractAttribution");
attribution("credit lines", () => {
  assert.is(extractAttribution("Source: Asharq AL-awsat"), "Asharq AL-awsat");
  assert.is(extractAttribution("Via Reuters"), "Reuters");
  assert.is(extractAttribution("This article first appeared in The Conversation."), "The Conversation");
});
attribution("sentences that start the same way stay in the body", () => {
  assert.is(extractAttribution("Sources said the talks had failed."), null);
  assert.is(extractAttribution("Source close to the talks"), null);
  assert.is(
    extractAttribution(
      "Source: a long sentence about where the numbers in this story came from and why they matter",
    ),
    null,
  );
});
attribution.run();
