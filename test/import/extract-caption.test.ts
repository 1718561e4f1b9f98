import { suite } from "uvu";
import * as assert from "uvu/assert";
import { cleanCaption, isCaptionLine } from "../../src/import/extract-caption.ts";

const caption = suite("isCaptionLine");
caption("labels and credits", () => {
  assert.ok(isCaptionLine("Ali Khamenei and Hassan Rouhani"));
  assert.ok(isCaptionLine("A man walks past an armoured carrier. Credit: STR/AFP"));
  assert.ok(isCaptionLine("Photo: Reuters"));
});
caption("sentences and one-word labels are not captions", () => {
  assert.not.ok(isCaptionLine("Tax cuts and spending increases could make it harder to respond."));
  assert.not.ok(isCaptionLine("Economy"));
});
caption.run();

const clean = suite("cleanCaption");
clean("drops caption labels and doubled credits", () => {
  assert.is(cleanCaption("Media caption Mr Obama spoke to the BBC"), "Mr Obama spoke to the BBC");
  assert.is(
    cleanCaption("Interest payments in 2023.CreditCreditJeon Heon-Kyun/EPA"),
    "Interest payments in 2023. Credit Jeon Heon-Kyun/EPA",
  );
  assert.is(cleanCaption("Image caption"), null);
});
clean.run();
