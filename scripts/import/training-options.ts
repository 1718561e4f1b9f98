import type { OptionSpec } from "../../src/cli/command-spec.ts";

/** `--corpus DIR` of the importer's training scripts: the importer corpus beside the repository. */
export const corpusOption = {
  type: "string",
  value: "DIR",
  description: "the importer corpus",
  default: "../shared/importer-corpus",
} as const satisfies OptionSpec;

/** `--devset DIR` of the importer's training scripts: the dev set beside the repository. */
export const devsetOption = {
  type: "string",
  value: "DIR",
  description: "the importer dev set",
  default: "../shared/importer-devset",
} as const satisfies OptionSpec;
