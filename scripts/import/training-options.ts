import type { CommandSpec, OptionSpec } from "../../src/cli/command-spec.ts";
import { usageError } from "../../src/cli/run-command-line.ts";

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

/** `--seeds DIR` of the importer's training scripts: the shipped seeds' texts (they must come out exactly). */
export const seedsOption = {
  type: "string",
  value: "DIR",
  description: "the seed texts (they must come out exactly)",
  default: "test/fixtures/seeds",
} as const satisfies OptionSpec;

/** `--out FILE` of a training script: where the trained model is written (`file` by default). */
export function modelOutOption<F extends string>(file: F) {
  return {
    type: "string",
    value: "FILE",
    description: "where the model goes",
    default: file,
  } as const satisfies OptionSpec;
}

/**
 * `--train-on all|tune` of the importer's training scripts: the corpus pages a model is fitted to. The
 * committed models are fitted to every page (more sites generalise better to pages never seen); `tune`
 * fits the tune half only, so that the held half scores sites the model never saw, which is how the held
 * figures in docs/importer.md are measured. The dev set and the seeds are trained on either way.
 */
export const trainOnOption = {
  type: "string",
  value: "all|tune",
  description:
    "the corpus pages trained on: all (the committed model) or the tune half only (held stays unseen)",
  default: "all",
} as const satisfies OptionSpec;

/** Stops the script with its usage unless `--train-on` is all or tune. */
export function checkTrainOn(command: CommandSpec, value: string): void {
  if (value !== "all" && value !== "tune")
    usageError(command, `--train-on must be all or tune, not ${value}`);
}

/** Whether a corpus page of `half` is trained on under `--train-on` (`value` checked: all or tune). */
export function trainsOn(value: string, half: "tune" | "held"): boolean {
  return value === "all" || half === "tune";
}
