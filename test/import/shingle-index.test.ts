import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ShingleIndex } from "../../src/import/shingle-index.ts";

const test = suite("ShingleIndex");

test("each shingle's articles, in the order added; none for a shingle never added", () => {
  const index = new ShingleIndex();
  index.add(7, 0);
  index.add(7, 3);
  index.add(0, 1);
  index.add(0xffffffff, 2);
  assert.equal(index.articles(7), [0, 3]);
  assert.is(index.articles(7).length, 2);
  assert.equal(index.articles(0), [1]);
  assert.equal(index.articles(0xffffffff), [2]);
  assert.equal(index.articles(8), []);
  assert.is(index.articles(8).length, 0);
});

test("agrees with a Map through growth and colliding slots", () => {
  const index = new ShingleIndex();
  const expected = new Map<number, number[]>();
  let seed = 42;
  for (let article = 0; article < 300; article++)
    for (let k = 0; k < 100; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      // Few distinct values, many multiples of the table size: shared shingles and collisions.
      const shingle = k < 50 ? (seed % 997) * 4096 : seed;
      const list = expected.get(shingle) ?? [];
      if (list.at(-1) === article) continue;
      list.push(article);
      expected.set(shingle, list);
      index.add(shingle, article);
    }
  for (const [shingle, list] of expected) {
    assert.equal([...index.articles(shingle)], list);
    assert.is(index.articles(shingle).length, list.length);
  }
});

test.run();
