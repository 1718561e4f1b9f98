import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dropInlineNotes, isInlineNote } from "../../src/import/drop-inline-notes.ts";

const note = suite("isInlineNote");

note("links to other stories, credited captions, embedded posts' signatures", () => {
  for (const yes of [
    "RELATED: Strong days for Bubba Wallace end in heartbreak",
    "Also read: How to keep Christmas conflict-free",
    "Read more: 8 great benefits of working from home",
    "Pope Francis attends his weekly general audience at the Vatican. (CNS photo/Lola Gomez)",
    "A still from the trailer. Photo: Rockstar Games",
    "(Credit: University of Liège)",
    "Megan Briggs/Getty Images",
    "Erick Erickson (@EWErickson) December 20, 2023",
    "Releasing February 22 on Netflix. pic.twitter.com/HKxytbDJM8",
    "FILE - This family photo shows the author. Less than a week after her death she had raised enough. (Jane Roe via AP, File)",
    `FILE - Tourists look out from the South Rim. ${"The tribe held a ceremony to mark the renaming of a campground. ".repeat(6)}(AP Photo/Ty O'Neil, File)`,
  ])
    assert.ok(isInlineNote(yes), yes);
  for (const no of [
    "Tripods let us use the secret weapon for great landscape photos: the neutral density filter.",
    "Wallet (credit/debit cards, cash, etc.)",
    "What else you’ll need (to image successfully)",
    "OpenAI API key (minimum $5 in token credits)",
    "The council read more than 200 letters before it voted.",
    "The mayor said the figures were shared with reporters (via AP and Reuters) on Monday, and many more words follow here.",
    `${"A long paragraph of the article that quotes a wire story. ".repeat(8)}(AP)`,
  ])
    assert.not.ok(isInlineNote(no), no);
});

const drop = suite("dropInlineNotes");

drop("keeps the article's lines in order, without the notes", () => {
  const lines = ["First paragraph.", "Related: Another story", "Second paragraph."].map((text) => ({ text }));
  assert.equal(
    dropInlineNotes(lines).map((l) => l.text),
    ["First paragraph.", "Second paragraph."],
  );
});

note.run();
drop.run();
