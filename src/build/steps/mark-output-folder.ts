import type { BuildStep } from "../build-context.ts";
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from "../output-guard.ts";

/** Writes `.gazette-output`, the mark of a folder a build may replace (see output-guard.ts). */
export const markOutputFolder: BuildStep = {
  name: "marker",
  async run(context) {
    const key = context.key("marker", OUTPUT_MARKER_TEXT);
    if (!context.output.keep(OUTPUT_MARKER, key))
      context.output.write(OUTPUT_MARKER, OUTPUT_MARKER_TEXT, key);
  },
};
