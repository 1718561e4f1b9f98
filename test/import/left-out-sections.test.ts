import { suite } from "uvu";
import * as assert from "uvu/assert";
import { leftOutSections, placeInPage } from "../../src/import/left-out-sections.ts";

const para = (n: number): string =>
  `Paragraph ${n} of the guide explains how the schools were ranked and what they cost to attend.`;
const card = (n: number): string[] => [
  `#${n} University number ${n}`,
  `Cost per credit for school ${n}: $${400 + n}`,
  `Credits to graduate at school ${n}: ${30 + n}`,
];
const comment = (n: number): string =>
  `Reader ${n} says: I went to one of these schools and the ranking matches what I found there.`;

const leftOut = suite("leftOutSections");

leftOut("Readability dropped the cards between its paragraphs: the text", () => {
  const intro = [para(1), para(2), para(3)];
  const outro = [para(4), para(5)];
  const cards = [1, 2, 3, 4, 5, 6].flatMap(card);
  const page = ["Home", "Best Online Programs", ...intro, ...cards, ...outro, "Footer"];
  const reason = leftOutSections(page, [...intro, ...outro], [...intro, ...cards, ...outro]);
  assert.ok(reason?.includes("leaves out"), String(reason));
});

leftOut("the text adds only what follows the article (comments): kept", () => {
  const article = [1, 2, 3, 4, 5].map(para);
  const comments = [1, 2, 3, 4, 5].map(comment);
  const page = ["Home", "Best Online Programs", ...article, "5 Comments", ...comments];
  assert.is(leftOutSections(page, article, [...article, ...comments]), null);
});

leftOut("a little more text inside, or a text not much longer: kept", () => {
  const intro = [1, 2, 3, 4, 5, 6, 7, 8].map(para);
  const cards = card(1);
  const page = ["Best Online Programs", ...intro.slice(0, 4), ...cards, ...intro.slice(4)];
  assert.is(leftOutSections(page, intro, [...intro.slice(0, 4), ...cards, ...intro.slice(4)]), null);
  assert.is(leftOutSections(page, [], intro), null);
});

leftOut("a text reading many times as long (the page's other stories): kept", () => {
  const intro = [para(1), para(2), para(3)];
  const outro = [para(4), para(5)];
  const cards = [1, 2, 3, 4, 5, 6].flatMap(card);
  const others = Array.from({ length: 40 }, (_, i) => comment(i));
  const page = ["Best Online Programs", ...intro, ...cards, ...outro, ...others];
  assert.is(leftOutSections(page, [...intro, ...outro], [...intro, ...cards, ...outro, ...others]), null);
});

leftOut("list items marked differently in the two readings count as kept", () => {
  const items = [1, 2, 3, 4, 5, 6].map((n) => `Pack item number ${n} for the trip`);
  const page = [para(1), ...items.map((i) => `• ${i}`), para(2), ...[3, 4, 5].map(comment)];
  const content = [para(1), ...items.map((i) => `• ${i}`), para(2)];
  const text = [para(1), ...items, para(2), ...[3, 4, 5].map(comment)];
  assert.is(leftOutSections(page, content, text), null);
});

const place = suite("placeInPage");

place("lines in reading order, repeated lines after the previous one, short lines not looked for", () => {
  const page = ["Share", para(1), "Share", para(2), para(1)];
  assert.equal(placeInPage(page, [para(2), para(1), "Share", "Nowhere in the page at all"]), [
    3,
    4,
    null,
    null,
  ]);
});

leftOut.run();
place.run();
