import { setImmediate } from "node:timers/promises";
import { planFeeds } from "../../feeds/render-feeds.ts";
import type { BuildStep } from "../build-context.ts";

/** Writes every feed (site, tags, sources, monthly archives, newsletter issues); a feed whose articles and settings are unchanged is kept. */
export const writeFeedFiles: BuildStep = {
  name: "feeds",
  async run(context) {
    await context.bodies; // feeds show summaries
    for (const plan of planFeeds(context.config, context.data.model.articles, {
      issues: context.data.issues,
    })) {
      const file = plan.path.replace(/^\/+/, "");
      const key = context.key("feed", file, context.hashValue(plan.inputs));
      if (context.output.keep(file, key)) continue;
      context.output.write(file, plan.render(), key);
      // Let the render workers' replies in between feeds: they wait for their next pages.
      await setImmediate();
    }
  },
};
