import { suite } from "uvu";
import * as assert from "uvu/assert";
import { classifyLine, isTeaser } from "../../src/import/classify-boilerplate.ts";

const classify = suite("classifyLine");
classify("section headings of related-story blocks", () => {
  for (const line of [
    "Latest news",
    "Must read",
    "RELATED",
    "Recommended to you",
    "More from Business",
    "Most Popular",
    "You may like to read:",
  ])
    assert.is(classifyLine(line), "section-break", line);
});
classify("headings glued by the copy still count", () => {
  assert.is(classifyLine("You might also likeRELATED"), "section-break");
  assert.is(classifyLine("Post a CommentIran General News"), "comments");
});
classify("comment widgets", () => {
  for (const line of [
    "No comments:",
    "Post a Comment",
    "13 Comments",
    "Leave a Reply",
    "There are 13 comments",
    "1 comment",
    "59 Comments on “The December Comfort Watches 2025, Day Eighteen: Starship Troopers”",
    "15 Replies to “Open-sourcing CORE One CAD Files Under the New Open Community License (OCL)”",
    "SEE ALL COMMENTS (8)",
    "View Comments (0)",
    "Show more comments",
    "Load earlier comments...",
    "Load comments…",
    "View comments on forum",
    "View Story Comments",
  ])
    assert.is(classifyLine(line), "comments", line);
  // A sentence that starts with a count is text.
  assert.is(classifyLine("12 comments on the plan were received before the council met on Tuesday."), "text");
  assert.is(classifyLine("See the comments the council received before it voted on the plan"), "text");
  // A lone "Comment" is a button or a table column: it must not end the article.
  assert.is(classifyLine("Comment"), "boilerplate");
});
classify("share, subscribe, cookie and ad lines", () => {
  for (const line of [
    "Share",
    "Advertisement",
    "Subscribe to our newsletter",
    "Click to share on Twitter (Opens in new window)",
    "We use cookies to improve your experience. Accept",
    "© 2019 Iran Focus. All rights reserved.",
  ])
    assert.is(classifyLine(line), "boilerplate", line);
});
classify("affiliate disclosures above or below a review", () => {
  for (const line of [
    "We may earn a commission when you buy through links on our site.",
    "This post contains affiliate links. If you purchase through them, I may receive a small commission at no extra cost to you.",
    "Every item on this page was chosen by an editor. We may earn commission on some of the items you choose to buy.",
    "The Daily Paper has affiliate partnerships. We receive compensation when you click on a link and make a purchase.",
    "All products featured here are independently selected by our editors.",
    "As an Amazon Associate I earn from qualifying purchases.",
  ])
    assert.is(classifyLine(line), "boilerplate", line);
});
classify("commissions in the story itself stay text", () => {
  for (const line of [
    "Streamers earn a commission when viewers buy games through their links.",
    "The commission may earn a reputation for independence, the minister said.",
    "Affiliate programs pay creators a commission on every sale, and the best ones publish their rates.",
    "The agency said it would receive the commission's report next week and respond within a month.",
  ])
    assert.is(classifyLine(line), "text", line);
  // A long paragraph that mentions a disclosure is the article's, not the shop's.
  const long = `${"Regulators have long asked how reviewers are paid, and the answer matters to readers. ".repeat(6)}Most sites now say they may earn a commission.`;
  assert.is(classifyLine(long), "text");
});
classify("real sentences stay text, even with boilerplate words in them", () => {
  assert.is(classifyLine("Readers can share their stories with us by email, the editor said."), "text");
  assert.is(classifyLine("Related research shows the effect is small."), "text");
  assert.is(classifyLine("The mullahs have crafted a plan with three objectives:"), "text");
});
classify.run();

const teaser = suite("isTeaser");
teaser("a cut-off summary of another story", () => {
  assert.ok(
    isTeaser(
      "The protests in Iran have been going on for more than two months, even though the regime is cracking...",
    ),
  );
  assert.ok(isTeaser("Read more"));
});
teaser("a paragraph that ends in a full stop is not one", () => {
  assert.not.ok(isTeaser("The protests went on for two months."));
});
teaser.run();
