/**
 * Deterministic synthetic news articles for the benchmark: about 700 words each in paragraphs, a quote, a
 * list and links; 3 tags out of 200; 40 sources; dates spread evenly over ten years. The same `count`
 * always gives the same files.
 */
const WORDS = (
  "iran russia sanctions oil currency syria policy minister regime allies east west economy deal europe " +
  "nuclear parliament protest election tehran moscow beijing trade export inflation rial militia border talks " +
  "treaty summit envoy pipeline refinery tanker strait gulf coalition resolution council court ruling budget " +
  "subsidy wage strike drought water harvest province governor security guard commander missile drone radar"
).split(" ");

/** A small linear congruential generator: fast, seedable, the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export interface GeneratedArticle {
  /** `YYYY-MM-DD-bench-article-I.md` */
  name: string;
  text: string;
}

/** Generates `count` articles (front matter and Markdown body). */
export function generateArticles(count: number): GeneratedArticle[] {
  const next = random(20190131);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(next() * 16) }, () => pick(WORDS));
    const first = words[0] ?? "news";
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(" ")}.`;
  };
  const paragraph = (): string => Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(" ");
  const tags = Array.from({ length: 200 }, (_, i) => `${pick(WORDS)} ${i}`);
  const sources = Array.from({ length: 40 }, (_, i) => `Bench Source ${i}`);
  const start = Date.UTC(2015, 0, 1);
  const step = (10 * 365.25 * 86_400_000) / count;
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(start + Math.floor(i * step)).toISOString().slice(0, 10);
    const title = `${sentence().slice(0, -1).split(" ").slice(0, 8).join(" ")} ${i}`;
    const articleTags = [pick(tags), pick(tags), pick(tags)];
    const body = [
      paragraph(),
      paragraph(),
      `> ${sentence()}`,
      paragraph(),
      `- ${sentence()}\n- ${sentence()}\n- ${sentence()}`,
      paragraph(),
      `See the [original report](https://example.org/report/${i}) and [an earlier story](/archive/).`,
      paragraph(),
      paragraph(),
      paragraph(),
      paragraph(),
    ].join("\n\n");
    const frontMatter = [
      "---",
      `title: "${title}"`,
      `date: ${date}`,
      `source: ${pick(sources)}`,
      `source_url: https://example.org/report/${i}`,
      `tags: [${articleTags.map((t) => `"${t}"`).join(", ")}]`,
      "---",
    ].join("\n");
    return { name: `${date}-bench-article-${i}.md`, text: `${frontMatter}\n${body}\n` };
  });
}
