import { setImmediate } from "node:timers/promises";
import type { FeedPlan } from "../../feeds/render-feeds.ts";
import type { BuildStep } from "../build-context.ts";

/**
 * Writes every feed (site, tags, sources, monthly archives, newsletter issues); a feed whose articles and
 * settings are unchanged is kept. Feeds show summaries: each renders as soon as its articles' are known,
 * while the workers go on rendering bodies, one at a time so the workers' replies get in between. An
 * article's feed entry and kept body are dropped once the last feed showing it is written.
 */
export const writeFeedFiles: BuildStep = {
  name: "feeds",
  async run(context) {
    const ready: { plan: FeedPlan; file: string; key: string }[] = [];
    let wake: (() => void) | null = null;
    let waiting = 0;
    /** Feeds still to render that show each article: at 0 its entry and kept body can go. */
    const showing = new Map<string, number>();
    for (const plan of context.feedPlans) {
      const file = plan.path.replace(/^\/+/, "");
      // Feeds are made by code from their articles, not from templates: a template edit keeps them.
      const key = context.dataKey("feed", file, context.hashValue(plan.inputs));
      if (context.output.keep(file, key)) continue;
      waiting++;
      for (const article of plan.inputs.articles)
        showing.set(article.file, (showing.get(article.file) ?? 0) + 1);
      void context.summaries.when(plan.inputs.articles.map((article) => article.file)).then(() => {
        ready.push({ plan, file, key });
        wake?.();
      });
    }
    for (; waiting > 0; waiting--) {
      if (ready.length === 0)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = null;
      const next = ready.shift();
      if (!next) throw new Error("Gazette: a feed was announced ready but is missing");
      context.output.write(next.file, next.plan.render(), next.key);
      context.rendered.feeds++;
      const done = next.plan.inputs.articles.filter((article) => {
        const left = (showing.get(article.file) ?? 1) - 1;
        showing.set(article.file, left);
        return left === 0;
      });
      next.plan.forget(done);
      for (const article of done) context.seeds.kept.delete(article.file);
      await setImmediate();
    }
    // Every feed is written: what bodies are still kept for them can go.
    context.seeds.kept.clear();
  },
};
