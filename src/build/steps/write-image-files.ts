import { eachTwoAtATime, imageOutputs, recordImageSizes } from "../../images/write-images.ts";
import type { BuildStep } from "../build-context.ts";

/**
 * The image step (`src/images/`): the project's `images/` folder and the resized copies into the site.
 * An unchanged file is kept; a copy is encoded only when the cache has none. Runs before the feeds,
 * whose enclosures give the copies' sizes in bytes.
 */
export const writeImageFiles: BuildStep = {
  name: "images",
  async run(context) {
    const { output } = context;
    const outputs = await imageOutputs(context.data.images, context.root, context.cacheDir);
    const sizes = new Map<string, number>();
    await eachTwoAtATime(outputs, async (image) => {
      const key = context.key("image", image.file, image.key);
      const previous = output.previous(image.file);
      if (previous && output.keep(image.file, key)) {
        sizes.set(image.file, previous.size);
        return;
      }
      const bytes = await image.bytes();
      const dir = image.file.split("/").slice(0, -1).join("/");
      if (dir) output.ensureDir(dir);
      output.write(image.file, bytes, key);
      sizes.set(image.file, bytes.byteLength);
    });
    recordImageSizes(context.data.model.articles, sizes);
  },
};
