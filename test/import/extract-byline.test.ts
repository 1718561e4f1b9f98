import { suite } from "uvu";
import * as assert from "uvu/assert";
import { extractByline, isPublicationName } from "../../src/import/extract-byline.ts";

const byline = suite("extractByline");
byline("by-lines of several shapes", () => {
  assert.is(extractByline("Analysis by PMOI/MEK")?.byline, "PMOI/MEK");
  assert.is(extractByline("By Nelson D. Schwartz")?.byline, "Nelson D. Schwartz");
  assert.is(
    extractByline("By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham")?.byline,
    "Erin Cunningham",
  );
  assert.is(extractByline("Posted by Andrew Zonenberg at 12:55 AM")?.byline, "Andrew Zonenberg");
  assert.is(extractByline("Author: Jane Doe")?.byline, "Jane Doe");
});
byline("sponsor credits and sentences are not bylines", () => {
  assert.is(extractByline("Powered by SmartAsset.com"), null);
  assert.is(extractByline("Supported by"), null);
  assert.is(extractByline("The bill was passed by the Senate on Tuesday after a long debate."), null);
});
byline.run();

const publication = suite("isPublicationName");
publication("short capitalised names", () => {
  assert.ok(isPublicationName("Iran Focus"));
  assert.ok(isPublicationName("The A.V. Club"));
});
publication("captions, sentences and dates are not", () => {
  assert.not.ok(isPublicationName("Ali Khamenei and Hassan Rouhani and more"));
  assert.not.ok(isPublicationName("It rained."));
  assert.not.ok(isPublicationName("Jan 31, 2019"));
});
publication.run();
