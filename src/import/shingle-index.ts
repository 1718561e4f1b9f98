/**
 * Which known articles have each shingle (a 32-bit hash), for the duplicate check. A batch of a thousand
 * pages puts a million shingles in it, and a `Map` of that size spent more time hashing, growing and
 * collecting than the importer spent reading a page; this is an open-addressing table over typed
 * arrays: a shingle's slot holds the one article that has it (most shingles are one article's own) or,
 * once a second article has it too, a pointer to their list.
 */
export class ShingleIndex {
  #keys = new Uint32Array(1 << 12);
  /** -1: empty; n ≥ 0: article n alone; n ≤ -2: the list `#lists[-n - 2]`. */
  #values = new Int32Array(1 << 12).fill(-1);
  #lists: number[][] = [];
  #size = 0;

  /** Records that `article` has `shingle` (an article adds each of its shingles once). */
  add(shingle: number, article: number): void {
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
    const slot = this.#slot(shingle);
    const v = this.#values[slot] as number;
    if (v === -1) {
      this.#keys[slot] = shingle;
      this.#values[slot] = article;
      this.#size++;
    } else if (v >= 0) {
      this.#values[slot] = -2 - this.#lists.length;
      this.#lists.push([v, article]);
    } else (this.#lists[-v - 2] as number[]).push(article);
  }

  /** The known articles that have `shingle` (each once, in the order they were added). */
  articles(shingle: number): readonly number[] {
    const v = this.#values[this.#slot(shingle)] as number;
    return v === -1 ? [] : v >= 0 ? [v] : (this.#lists[-v - 2] as number[]);
  }

  /** The slot of `shingle`: where it is, or the empty slot where it would go (linear probing). */
  #slot(shingle: number): number {
    const mask = this.#keys.length - 1;
    let i = (Math.imul(shingle, 0x9e3779b1) >>> 0) & mask;
    while (this.#values[i] !== -1 && this.#keys[i] !== shingle) i = (i + 1) & mask;
    return i;
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Uint32Array(keys.length * 2);
    this.#values = new Int32Array(values.length * 2).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      const v = values[i] as number;
      if (v === -1) continue;
      const slot = this.#slot(keys[i] as number);
      this.#keys[slot] = keys[i] as number;
      this.#values[slot] = v;
    }
  }
}
