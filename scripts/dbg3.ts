import { readFileSync } from "node:fs";
import { findArticleRegion } from "../src/import/find-article-region.ts";
import { normalizeText, splitLines } from "../src/import/normalize-text.ts";
import { scoreCandidate, titleCandidates } from "../src/import/rank-titles.ts";
import { TITLE_FEATURES } from "../src/import/title-features.ts";
import MODEL from "../src/import/title-model.json" with { type: "json" };

const lines = splitLines(normalizeText(readFileSync(process.argv[2] as string, "utf8")));
const region = findArticleRegion(lines);
console.log("region", region);
for (const c of titleCandidates(lines, region.start).slice(0, 6)) {
  console.log(c.index, scoreCandidate(MODEL, c.features).toFixed(2), lines[c.index]?.text.slice(0, 60));
  console.log(
    "   ",
    c.features
      .map((x, k) => (x ? `${TITLE_FEATURES[k]}=${x.toFixed(2)}*${MODEL.weights[k]}` : ""))
      .filter(Boolean)
      .join(", "),
  );
}
