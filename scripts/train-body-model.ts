/**
 * `npm run train:body -- [--corpus DIR] [--devset DIR] [--seeds DIR] [--train-on all|tune] [--out FILE]`
 *
 * Trains the body-line model (`src/import/filter-body-lines.ts`): for every page of the importer corpus
 * (or, with `--train-on tune`, of its "tune" half by site, `siteHalf`), the dev set and the seeds, in both copied variants, the lines
 * the importer would keep as the article's text (`readArticleLines`) are labelled by whether at least half
 * of their 4-word shingles occur in the truth's body. A logistic model is fitted by Newton's method with
 * an L2 penalty, each line weighed by its share of its page's shingles (the scorer averages over pages),
 * on the pages whose text was found; then boosted regression trees (`boostLines`, `TREES`) added to its
 * score, fitted to the same weighted logistic loss; then a second logistic model over the first one's scores of each
 * line and its neighbours (`contextFeatures`) on the same lines; then the cut-off that gives the best body F1 (the scorer's metric)
 * on the pages trained on, keeping every line of the seeds, is chosen. Deterministic. Prints the
 * body F1 of the kept lines on both halves, without and with the filter, then writes the model.
 * `--cv` instead prints a two-fold cross-validation by site inside the tune half (how `TREES` was chosen).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { BODY_LINE_FEATURES, bodyLineFeatures } from "../src/import/body-line-features.ts";
import {
  type BodyModel,
  bodyLineProbabilities,
  CONTEXT_FEATURES,
  contextFeatures,
  firstStageScore,
  linearScore,
} from "../src/import/filter-body-lines.ts";
import { readArticleLines } from "../src/import/import-article.ts";
import { f1, shingleScore } from "../test/import/shingle-f1.ts";
import { type BoostLinesOptions, boostLines } from "./import/boost-lines.ts";
import { readCorpusTexts } from "./import/corpus-texts.ts";
import { siteFold, siteHalf } from "./import/site-half.ts";
import {
  checkTrainOn,
  corpusOption,
  devsetOption,
  modelOutOption,
  seedsOption,
  trainOnOption,
  trainsOn,
} from "./import/training-options.ts";

const command = defineCommand({
  command: "npm run train:body",
  summary: "trains the importer's body-line model on the importer corpus and the dev set",
  options: {
    corpus: corpusOption,
    devset: devsetOption,
    seeds: seedsOption,
    out: modelOutOption("src/import/body-model.json"),
    "train-on": trainOnOption,
    cv: {
      type: "boolean",
      description:
        "instead: two-fold cross-validation by site inside the tune half, with and without the trees (writes nothing)",
    },
  },
  examples: ["npm run train:body", "npm run train:body -- --train-on tune", "npm run train:body -- --cv"],
});

interface Line {
  features: number[];
  /** The second stage's features (`contextFeatures` of the first stage's scores), once it is fitted. */
  context: number[];
  /** Shingles of the line, and how many of them the truth has. */
  shingles: number;
  hits: number;
}
interface Page {
  half: "tune" | "held";
  /** The page's fold inside its half for `--cv` (by site; the dev set's pages by their own address). */
  fold: 0 | 1;
  /** The lines' texts and the truth's body (null for a seed), for the scorer's own metric. */
  texts: string[];
  truth: string | null;
  lines: Line[];
  truthShingles: number;
  /** Weight of the page in training (the seeds count many times). */
  weight: number;
}

const tokens = (s: string): string[] => s.match(/[\p{L}\p{N}_]+/gu) ?? [];
function shingles(t: string[]): string[] {
  const out: string[] = [];
  if (t.length > 0 && t.length < 4) out.push(t.join(" "));
  for (let i = 0; i + 4 <= t.length; i++) out.push(t.slice(i, i + 4).join(" "));
  return out;
}

/**
 * The boosted trees' settings: 60 rounds of depth 2, chosen by `--cv` (two-fold by site inside the tune
 * half: 60 rounds at shrinkage 0.1 against 120 at 0.05, depth 3, and stronger or weaker penalties).
 */
const TREES: BoostLinesOptions = {
  rounds: 60,
  depth: 2,
  shrinkage: 0.1,
  lambda: 0.05,
  minWeight: 0.03,
  bins: 16,
};

function readPage(
  text: string,
  truthBody: string | null,
  half: "tune" | "held",
  weight: number,
  fold: 0 | 1 = 0,
): Page {
  const { lines, stripped } = readArticleLines(text);
  const features = bodyLineFeatures(stripped.lines, lines);
  const truth = new Set(shingles(tokens(truthBody ?? "")));
  // Every token of the text starts one shingle of the whole text (running on into the next lines): a line
  // owns the shingles that start in it, so a short heading between paragraphs counts for what its removal
  // would cost.
  const perLine = stripped.lines.map((line) => tokens(line.text));
  const stream = perLine.flat();
  let at = 0;
  return {
    half,
    fold,
    weight,
    texts: stripped.lines.map((l) => l.text),
    truth: truthBody,
    truthShingles: Math.max(1, truth.size),
    lines: perLine.map((toks, i) => {
      let hits = 0;
      for (let k = 0; k < toks.length; k++) {
        const s = stream.slice(at + k, at + k + 4);
        if (truthBody === null || truth.has(s.join(" "))) hits++;
      }
      at += toks.length;
      return { features: features[i] ?? [], context: [], shingles: toks.length, hits };
    }),
  };
}

function readSet(dir: string, half: (truth: { url?: string }) => "tune" | "held"): Page[] {
  return [...readCorpusTexts(dir)].map(({ truth, text }) =>
    readPage(text, truth.body as string | null, half(truth), 1, siteFold(truth.url ?? "")),
  );
}

function readSeeds(dir: string): Page[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readPage(readFileSync(path.join(dir, name), "utf8"), null, "tune", 40));
}

/** Weighted L2-penalised logistic regression by Newton's method (a fixed number of steps). */
function fitLogistic(
  pages: readonly Page[],
  size: number,
  featuresOf: (line: Line) => number[] = (line) => line.features,
  l2 = 1e-4,
  steps = 12,
): number[] {
  const rows: Array<{ x: number[]; nz: number[]; y: number; w: number }> = [];
  for (const page of pages) {
    const total = page.lines.reduce((a, l) => a + l.shingles, 0) || 1;
    for (const line of page.lines)
      if (line.shingles > 0)
        rows.push({
          x: featuresOf(line),
          // The features that are not zero: the gradient and Hessian only need those.
          nz: featuresOf(line).flatMap((v, k) => (v !== 0 ? [k] : [])),
          y: line.hits / line.shingles >= 0.5 ? 1 : 0,
          w: (page.weight * line.shingles) / total,
        });
  }
  const wsum = rows.reduce((a, r) => a + r.w, 0) || 1;
  const beta = new Array<number>(size).fill(0);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(size).fill(0);
    const h = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (const { x, nz, y, w } of rows) {
      let s = 0;
      for (const k of nz) s += (beta[k] ?? 0) * (x[k] ?? 0);
      const p = 1 / (1 + Math.exp(-s));
      const a = (w / wsum) * (p - y);
      const b = (w / wsum) * p * (1 - p);
      for (const i of nz) {
        const xi = x[i] ?? 0;
        g[i] = (g[i] ?? 0) + a * xi;
        const hi = h[i] as number[];
        for (const j of nz) hi[j] = (hi[j] ?? 0) + b * xi * (x[j] ?? 0);
      }
    }
    for (let i = 0; i < size; i++) {
      g[i] = (g[i] ?? 0) + l2 * (beta[i] ?? 0);
      (h[i] as number[])[i] = ((h[i] as number[])[i] ?? 0) + l2;
    }
    const delta = solve(h, g);
    for (let i = 0; i < size; i++) beta[i] = (beta[i] ?? 0) - (delta[i] ?? 0);
  }
  return beta;
}

/** Solves `a x = b` by Gaussian elimination with partial pivoting (a small dense system). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = m[c]?.[c] ?? 0;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (m[r]?.[c] ?? 0) / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = (m[r]?.[k] ?? 0) - f * (m[c]?.[k] ?? 0);
    }
  }
  return m.map((row, i) => (Math.abs(row[i] ?? 0) < 1e-12 ? 0 : (row[n] ?? 0) / (row[i] ?? 1)));
}

/** The scorer's body F1 (mean precision and recall over pages, `shingleScore`) of the lines kept. */
function score(pages: readonly Page[], model: BodyModel, threshold: number): number {
  let p = 0;
  let r = 0;
  let n = 0;
  for (const page of pages) {
    if (page.truth === null) continue;
    const probabilities = bodyLineProbabilities(
      model,
      page.lines.map((l) => l.features),
    );
    const kept = page.texts.filter((_, i) => (probabilities[i] ?? 1) >= threshold);
    const s = shingleScore(kept.join("\n"), page.truth);
    p += s.precision;
    r += s.recall;
    n++;
  }
  return f1(p / (n || 1), r / (n || 1));
}

/** Gives every line its second-stage features from the first stage's scores. */
function addContext(pages: readonly Page[], first: BodyModel): void {
  for (const page of pages) {
    const context = contextFeatures(page.lines.map((l) => firstStageScore(first, l.features)));
    page.lines.forEach((line, i) => {
      line.context = context[i] ?? [];
    });
  }
}

/** The lines of `pages` as the trees' examples: features, label, weight and the linear score so far. */
function treeExamples(pages: readonly Page[], weights: readonly number[]) {
  return pages.flatMap((page) => {
    const total = page.lines.reduce((a, l) => a + l.shingles, 0) || 1;
    return page.lines
      .filter((line) => line.shingles > 0)
      .map((line) => ({
        features: line.features,
        positive: line.hits / line.shingles >= 0.5,
        weight: (page.weight * line.shingles) / total,
        base: linearScore(weights, line.features),
      }));
  });
}

/**
 * Fits the whole model on `tune` (and the seeds): the first stage and its trees on the pages whose text
 * was found, the second stage on the same lines, then the cut-off with the best body F1 on `tune` that
 * keeps every line of the seeds.
 */
function train(tune: readonly Page[], seeds: readonly Page[], trees: BoostLinesOptions | null): BodyModel {
  // Trained on the pages whose text was found (at least 60% of the kept shingles are the truth's): the
  // model is to tell captions, notes and promotions from paragraphs, not to redo the region's choice.
  const found = tune.filter((page) => {
    const kept = page.lines.reduce((a, l) => a + l.shingles, 0);
    return kept > 0 && page.lines.reduce((a, l) => a + l.hits, 0) / kept >= 0.6;
  });
  const round = (xs: readonly number[]): number[] => xs.map((x) => Math.round(x * 1e4) / 1e4);
  const weights = round(fitLogistic([...found, ...seeds], BODY_LINE_FEATURES.length));
  const first: BodyModel = { features: BODY_LINE_FEATURES, weights, threshold: 0 };
  if (trees) first.trees = boostLines(treeExamples([...found, ...seeds], weights), trees);
  // The second stage: the same lines, judged by the first stage's scores of their neighbours.
  addContext([...found, ...seeds], first);
  const contextWeights = fitLogistic([...found, ...seeds], CONTEXT_FEATURES.length, (line) => line.context);
  const model: BodyModel = {
    features: BODY_LINE_FEATURES,
    weights,
    threshold: 0,
    context: { features: CONTEXT_FEATURES, weights: round(contextWeights) },
    ...(first.trees ? { trees: first.trees } : {}),
  };
  const seedsKept = (t: number): boolean =>
    seeds.every((page) =>
      bodyLineProbabilities(
        model,
        page.lines.map((l) => l.features),
      ).every((p) => p >= t),
    );
  let best = score(tune, model, 0);
  for (let t = 0.05; t <= 0.6001; t += 0.025) {
    const s = score(tune, model, t);
    // The seeds' lines must all stay.
    if (s > best + 1e-6 && seedsKept(t)) {
      best = s;
      model.threshold = Math.round(t * 1000) / 1000;
    }
  }
  return model;
}

function main(): void {
  const { values } = parseCommandLine(command, process.argv.slice(2));
  checkTrainOn(command, values["train-on"]);
  const corpus = readSet(values.corpus, (t) => siteHalf(t.url ?? ""));
  const tune = [...corpus.filter((p) => p.half === "tune"), ...readSet(values.devset, () => "tune")];
  const held = corpus.filter((p) => p.half === "held");
  const seeds = readSeeds(values.seeds);
  if (values.cv) {
    for (const [label, trees] of [
      ["linear", null],
      ["trees", TREES],
    ] as const) {
      const folds = ([0, 1] as const).map((f) => {
        const model = train(
          tune.filter((p) => p.fold !== f),
          seeds,
          trees,
        );
        const other = tune.filter((p) => p.fold === f);
        return [score(other, model, model.threshold), score(other, model, 0.45)];
      });
      console.log(
        `${label}: body F1 of the other fold ${folds.map((s) => s[0]?.toFixed(4)).join(" / ")} (cut-off 0.45: ${folds.map((s) => s[1]?.toFixed(4)).join(" / ")})`,
      );
    }
    return;
  }
  const model = train([...tune, ...held.filter((p) => trainsOn(values["train-on"], p.half))], seeds, TREES);
  const first: BodyModel = {
    features: model.features,
    weights: model.weights,
    threshold: model.threshold,
    ...(model.trees ? { trees: model.trees } : {}),
  };
  for (const [label, pages] of [
    ["tune", tune],
    ["held", held],
  ] as const)
    console.log(
      `${label} ${pages.length} pages: kept-lines body F1 ${score(pages, model, 0).toFixed(4)} -> first stage ${score(pages, first, model.threshold).toFixed(4)}, both ${score(pages, model, model.threshold).toFixed(4)} (cut-off ${model.threshold})`,
    );
  writeFileSync(values.out, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${values.out}`);
}

main();
