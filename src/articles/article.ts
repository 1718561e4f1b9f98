/** A tag as readers see it: one slug for every spelling (`Sanctions`, `SANCTIONS`); the name shown is the collection's canonical spelling (`canonicalSpellings`). */
export interface Tag {
  name: string;
  slug: string;
}

/** A publication an article comes from. */
export interface Source {
  name: string;
  slug: string;
}

/** An image shown with the article. */
export interface ArticleImage {
  /** URL or site-relative path. */
  src: string;
  alt: string;
  caption: string | null;
  /** The front matter line of `image`, for messages about the file. */
  line: number;
  /**
   * Pixel size of a local image, read from the file by the image step (`src/images/`); null for a remote
   * image, whose size is not fetched.
   */
  width: number | null;
  height: number | null;
}

/**
 * The one model that pages, feeds and the newsletter share. Built once per article file by `parseArticle`;
 * nothing downstream reads the file again or renders Markdown again.
 */
export interface Article {
  /** File name without `.md` and without a leading `YYYY-MM-DD-`: stable and unique. */
  slug: string;
  title: string;
  /** Publication instant. Calendar days come from it in the site's time zone. */
  date: Date;
  updated: Date | null;
  source: Source | null;
  /** The original's address, when known. */
  sourceUrl: string | null;
  byline: string | null;
  /** Place and date line that opened the original (`London, 20 Oct`). */
  dateline: string | null;
  /** Who the piece is credited to ("Asharq Al-Awsat" from a closing "Source: …" line); shown on its page. */
  attribution: string | null;
  /** Given in front matter, or the first 40–60 words of the body ending at a sentence or word boundary. */
  summary: string;
  tags: Tag[];
  image: ArticleImage | null;
  /** The image caption copied with the text; shown only with an image. */
  caption: string | null;
  draft: boolean;
  /** `featured: true`: the newest such article leads the home page (else the newest article does). */
  featured: boolean;
  /** The body rendered to HTML once (raw HTML in Markdown is escaped). */
  html: string;
  /** The body as plain text, paragraphs separated by blank lines. */
  text: string;
  wordCount: number;
  /** Minutes at 230 words a minute, at least 1. */
  readingMinutes: number;
  /** Site-relative URL without the path prefix: `/2019/01/slug/`. From `articleUrl`. */
  url: string;
  /** Where it came from, for messages. */
  file: string;
  /** The line of its `date:`, which with the file name makes its URL: messages about both point here. */
  line: number;
}
