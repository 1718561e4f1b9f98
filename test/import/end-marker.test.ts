import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isEndMarker } from "../../src/import/end-marker.ts";

const marker = suite("isEndMarker");

marker("headings of related stories and comments, and closing lines, end the text", () => {
  for (const line of [
    "Related stories",
    "You might also like",
    "12 Comments",
    "About the Author",
    "Share this article",
    "Tags:",
    "Was this page helpful?",
    "Post navigation",
    "Keep Reading",
    "Recommended by Our Editors",
    "Editors' Recommendations",
    "Next Up In NFL",
    "Copyright © 2023 The Daily Example. All rights reserved.",
  ])
    assert.ok(isEndMarker(line), line);
});

marker("article lines, subheadings and headings that only start with a marker word do not", () => {
  for (const line of [
    "The council voted on Tuesday to close the old bridge.",
    "Copyright Complexity in a Fragmented World",
    "Tags and labels help readers find older stories, the editor said.",
    "Next, the committee will hear from the engineers.",
    "What the author left out",
  ])
    assert.not.ok(isEndMarker(line), line);
});

marker.run();
