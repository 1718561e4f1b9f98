/**
 * `npm run score:importer -- [--corpus DIR] [--variant main|full|html|all] [--half tune|held|all]
 * [--limit N] [--per-page FILE]`
 *
 * Scores the importer on the importer corpus in one process (no process per page): the corpus scorer's
 * metrics (4-word shingle P/R/F1 averaged over pages, exact normalised title, same-day date, "where shown"
 * from the truth's flags), per source set. `--half` splits the corpus by site (a hash of the URL's host),
 * so rules tuned on one half can be checked on the other. A development tool; not run by the tests.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine, usageError } from "../src/cli/run-command-line.ts";
import { type DomNode, domToLines } from "../src/import/dom-to-lines.ts";
import { importArticle } from "../src/import/import-article.ts";
import { importHtml } from "../src/import/import-html.ts";
import { f1, normalizeTitle, shingleScore } from "../test/import/shingle-f1.ts";
import { siteHalf } from "./import/site-half.ts";

interface Truth {
  title: string;
  body: string;
  url: string;
  date: string | null;
  source_set: string;
  title_in_main?: boolean;
  title_in_full?: boolean;
  date_shown_in_main?: boolean;
  date_shown_in_full?: boolean;
}

interface Row {
  id: string;
  half: string;
  set: string;
  precision: number;
  recall: number;
  titleOk: boolean;
  titleShown: boolean;
  dateOk: boolean | null;
  dateShown: boolean;
  predTitle: string | null;
  truthTitle: string;
  predDate: string | null;
  truthDate: string | null;
}

function predict(
  variant: string,
  dir: string,
  id: string,
  baseline: boolean,
): { title: string | null; body: string; date: string | null } {
  if (baseline) {
    // For a saved page: its <title> and the whole visible text of its body.
    if (variant === "html") {
      const html = gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))).toString("utf8");
      const { document } = parseHTML(html);
      const body = document.body ? domToLines(document.body as unknown as DomNode).join("\n") : "";
      return { title: document.title?.trim() ?? "", body, date: null };
    }
    // The corpus README's floor: the first line is the title, the whole text is the body, no date.
    const text = readFileSync(path.join(dir, variant, `${id}.txt`), "utf8");
    const first = text.split("\n").find((l) => l.trim() !== "");
    return { title: first?.trim() ?? "", body: text, date: null };
  }
  if (variant === "html") {
    const html = gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))).toString("utf8");
    return importHtml(html);
  }
  return importArticle(readFileSync(path.join(dir, variant, `${id}.txt`), "utf8"));
}

function summarize(label: string, rows: Row[]): string {
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const p = mean(rows.map((r) => r.precision));
  const r = mean(rows.map((x) => x.recall));
  const dated = rows.filter((x) => x.dateOk !== null);
  const shown = dated.filter((x) => x.dateShown);
  const tShown = rows.filter((x) => x.titleShown);
  const f = (x: number): string => (Number.isNaN(x) ? "  -  " : x.toFixed(3));
  return [
    label.padEnd(16),
    String(rows.length).padStart(5),
    `| ${f(p)} ${f(r)} ${f(f1(p, r))}`,
    `| ${f(mean(rows.map((x) => (x.titleOk ? 1 : 0))))} (${f(mean(tShown.map((x) => (x.titleOk ? 1 : 0))))})`,
    `| ${f(mean(dated.map((x) => (x.dateOk ? 1 : 0))))} (${f(mean(shown.map((x) => (x.dateOk ? 1 : 0))))})`,
  ].join(" ");
}

const command = defineCommand({
  command: "npm run score:importer",
  summary: "scores the importer on the importer corpus in one process, per variant and source set",
  options: {
    corpus: {
      type: "string",
      value: "DIR",
      description: "the corpus folder (main/, full/, html/, truth/)",
      default: "../shared/importer-corpus",
    },
    variant: {
      type: "string",
      value: "V",
      description: "main, full, html (comma-separated) or all",
      default: "all",
    },
    half: {
      type: "string",
      value: "H",
      description: "tune or held: only the sites of one half of the by-site split; all: every page",
      default: "all",
    },
    limit: { type: "string", value: "N", description: "only the first N pages", defaultText: "every page" },
    baseline: {
      type: "boolean",
      description: "score the floor instead: first line = title, whole text = body",
    },
    "per-page": {
      type: "string",
      value: "FILE",
      description: "write every page's result as JSON",
      defaultText: "none",
    },
  },
  examples: ["npm run score:importer -- --variant main,full --half held"],
});

function main(): void {
  const { values } = parseCommandLine(command, process.argv.slice(2));
  const dir = values.corpus;
  if (!["all", "tune", "held"].includes(values.half))
    usageError(command, `--half must be tune, held or all, not ${values.half}`);
  if (values.limit !== undefined && !/^[1-9]\d*$/.test(values.limit))
    usageError(command, "--limit needs a positive integer");
  const variants = values.variant === "all" ? ["main", "full", "html"] : values.variant.split(",");
  if (!variants.every((v) => ["main", "full", "html"].includes(v)))
    usageError(command, `--variant must be main, full, html or all, not ${values.variant}`);
  let ids = readdirSync(path.join(dir, "truth"))
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort();
  const truths = new Map<string, Truth>(
    ids.map((id) => [id, JSON.parse(readFileSync(path.join(dir, "truth", `${id}.json`), "utf8"))]),
  );
  if (values.half !== "all") ids = ids.filter((id) => siteHalf(truths.get(id)?.url ?? "") === values.half);
  if (values.limit) ids = ids.slice(0, Number(values.limit));
  console.log(`${ids.length} pages (half: ${values.half})`);
  console.log("variant           pages | body P body R body F1 | title (shown) | date (shown)");
  const dump: Record<string, Row[]> = {};
  for (const variant of variants) {
    const started = Date.now();
    const rows: Row[] = ids.map((id) => {
      const t = truths.get(id) as Truth;
      const a = predict(variant, dir, id, values.baseline);
      const s = shingleScore(a.body, t.body);
      const predDate = a.date ? a.date.slice(0, 10) : null;
      return {
        id,
        set: t.source_set,
        half: siteHalf(t.url),
        ...s,
        titleOk: normalizeTitle(a.title) !== "" && normalizeTitle(a.title) === normalizeTitle(t.title),
        titleShown: variant === "html" || Boolean(t[`title_in_${variant}` as "title_in_main"]),
        dateOk: t.date ? predDate === t.date : null,
        dateShown:
          variant === "html"
            ? Boolean(t.date)
            : Boolean(t[`date_shown_in_${variant}` as "date_shown_in_main"]),
        predTitle: a.title,
        truthTitle: t.title,
        predDate,
        truthDate: t.date,
      };
    });
    dump[variant] = rows;
    console.log(summarize(variant, rows), ` ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const set of [...new Set(rows.map((x) => x.set))].sort())
      console.log(
        summarize(
          `${variant} ${set}`,
          rows.filter((x) => x.set === set),
        ),
      );
    if (values.half === "all")
      for (const half of ["tune", "held"]) {
        console.log(
          summarize(
            `${variant} ${half}`,
            rows.filter((x) => x.half === half),
          ),
        );
        for (const set of [...new Set(rows.map((x) => x.set))].sort())
          console.log(
            summarize(
              `  ${half} ${set}`,
              rows.filter((x) => x.half === half && x.set === set),
            ),
          );
      }
  }
  if (values["per-page"]) writeFileSync(values["per-page"], `${JSON.stringify(dump, null, 1)}\n`);
}

main();
