import { readFile } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE } from "../config/load-config.ts";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import { parseYamlMapping } from "../shared/parse-yaml.ts";
import { suggest } from "../shared/suggest.ts";

/** ISO weekday numbers (Monday 1 … Sunday 7) by the names the configuration accepts. */
const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

/**
 * When `npm run publish` makes a newsletter issue: `daily` (every day with new articles, at most one issue
 * a calendar day), on some weekdays only, or `never` (the site only; make issues by hand).
 */
export type PublishSchedule = { kind: "daily" } | { kind: "weekdays"; days: number[] } | { kind: "never" };

/** The `publish` group of `gazette.config.yaml`. */
export interface PublishConfig {
  /** A shell command run in the project root after the build (`rsync -a _site/ host:/srv/www/`), or null. */
  deploy: string | null;
  /** Default `daily`. */
  schedule: PublishSchedule;
}

const KEYS = ["deploy", "schedule"];
const EXPECTED_SCHEDULE = "expected daily, never, or weekdays such as [monday, thursday]";

/**
 * Reads the `publish` group from the configuration's text (pure). Every problem names the key's line;
 * unknown keys are warnings with the nearest known one.
 */
export function parsePublishConfig(
  text: string,
  file = CONFIG_FILE,
): { config: PublishConfig | null; diagnostics: Diagnostic[] } {
  const defaults: PublishConfig = { deploy: null, schedule: { kind: "daily" } };
  const parsed = parseYamlMapping(text);
  if (!parsed.ok)
    return { config: null, diagnostics: [error("config/yaml", file, parsed.line, parsed.message)] };
  const { values, lines } = parsed.mapping;
  const group = values.publish;
  const diagnostics: Diagnostic[] = [];
  const fail = (key: string, message: string) =>
    diagnostics.push(
      error(`config/publish-${key}`, file, lines[`publish.${key}`] ?? lines.publish ?? 0, message),
    );
  if (group === undefined || group === null) return { config: defaults, diagnostics };
  if (typeof group !== "object" || Array.isArray(group)) {
    return {
      config: null,
      diagnostics: [
        error(
          "config/publish",
          file,
          lines.publish ?? 0,
          "publish is not a group of settings (expected deploy: and schedule: indented below it)",
        ),
      ],
    };
  }
  const settings = group as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (KEYS.includes(key)) continue;
    const near = suggest(key, KEYS);
    diagnostics.push(
      warning(
        "config/unknown-key",
        file,
        lines[`publish.${key}`] ?? 0,
        `unknown key "publish.${key}"${near ? ` (did you mean "publish.${near}"?)` : ""}`,
      ),
    );
  }

  let deploy: string | null = null;
  const rawDeploy = settings.deploy;
  if (typeof rawDeploy === "string") deploy = rawDeploy.trim() === "" ? null : rawDeploy.trim();
  else if (rawDeploy !== undefined && rawDeploy !== null)
    fail("deploy", `publish.deploy is ${JSON.stringify(rawDeploy)} (expected a shell command, in quotes)`);

  let schedule: PublishSchedule = defaults.schedule;
  const raw = settings.schedule;
  if (raw !== undefined && raw !== null) {
    const words =
      typeof raw === "string"
        ? raw.split(",").map((w) => w.trim().toLowerCase())
        : Array.isArray(raw) && raw.every((w) => typeof w === "string")
          ? raw.map((w) => w.trim().toLowerCase())
          : null;
    if (words === null || words.length === 0 || words.includes("")) {
      fail("schedule", `publish.schedule is ${JSON.stringify(raw)} (${EXPECTED_SCHEDULE})`);
    } else if (words.length === 1 && (words[0] === "daily" || words[0] === "never")) {
      schedule = { kind: words[0] };
    } else {
      const unknown = words.filter((w) => WEEKDAYS[w] === undefined);
      if (unknown.length > 0) {
        const near = suggest(unknown[0] ?? "", Object.keys(WEEKDAYS));
        fail(
          "schedule",
          `publish.schedule has "${unknown[0]}", which is not a weekday${near ? ` (did you mean "${near}"?)` : ""} (${EXPECTED_SCHEDULE})`,
        );
      } else {
        const days = [...new Set(words.map((w) => WEEKDAYS[w] as number))].sort((a, b) => a - b);
        schedule = { kind: "weekdays", days };
      }
    }
  }
  if (diagnostics.some((d) => d.severity === "error")) return { config: null, diagnostics };
  return { config: { deploy, schedule }, diagnostics };
}

/** Reads `<root>/gazette.config.yaml` and its `publish` group (the edge). */
export async function loadPublishConfig(
  root: string,
): Promise<{ config: PublishConfig | null; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(path.join(root, CONFIG_FILE), "utf8");
  } catch {
    return {
      config: null,
      diagnostics: [
        error(
          "config/missing",
          CONFIG_FILE,
          0,
          `${CONFIG_FILE} is missing (expected the site configuration)`,
        ),
      ],
    };
  }
  return parsePublishConfig(text);
}
