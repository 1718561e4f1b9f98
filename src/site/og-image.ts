import type { ArticleImage } from "../articles/article.ts";
import { absoluteUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import type { BrandImage } from "../images/prepare-images.ts";

/** The image a link preview (Open Graph, Twitter card) shows, with an absolute URL. */
export interface PreviewImage {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** An article image as one file of known size: its ~1200 px copy when there is one, else the original. */
export function mainImage(image: ArticleImage): { src: string; width: number | null; height: number | null } {
  const { renditions, width, height } = image;
  if (renditions && width && height) {
    return {
      src: renditions.src,
      width: renditions.width,
      height: Math.round((height * renditions.width) / width),
    };
  }
  return { src: image.src, width, height };
}

/**
 * The link-preview image of a page: the article's own image, else the site-wide `brand.og_image`, else
 * none. Site paths become absolute URLs; remote images stay as they are.
 */
export function previewImage(
  image: ArticleImage | null,
  config: SiteConfig,
  brandImage: BrandImage | null,
): PreviewImage | null {
  const absolute = (src: string): string => (src.startsWith("/") ? absoluteUrl(config, src) : src);
  if (image) {
    const main = mainImage(image);
    return { url: absolute(main.src), alt: image.alt, width: main.width, height: main.height };
  }
  if (brandImage) {
    return {
      url: absolute(brandImage.src),
      alt: config.brand.logoText,
      width: brandImage.width,
      height: brandImage.height,
    };
  }
  return null;
}
