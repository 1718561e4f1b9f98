/** Options of `importArticle`; every one is optional and wins over what the text says. */
export interface ImportOptions {
  /** Year for a date shown without one ("20 Oct"). */
  year?: number;
  /** The publication date, `YYYY-MM-DD`: replaces any date found. */
  date?: string;
  /** Publication name: replaces the one guessed from the text. */
  source?: string;
  /** Address of the original article (front matter `source_url`). */
  url?: string;
  /** Tags for the front matter. Default: none. */
  tags?: string[];
}

/** An article read from copied page text. Unknown fields are null, with the reason in `warnings`. */
export interface ImportedArticle {
  title: string | null;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  /** Publication name. */
  source: string | null;
  byline: string | null;
  /** The dateline that opened the text ("Jan. 31, 2019"), removed from the body. */
  dateline: string | null;
  /** The image caption line. */
  caption: string | null;
  /** Plain text: paragraphs separated by a blank line, list items one per line. */
  body: string;
  /** The same body as Markdown (lists as "- item"). */
  markdown: string;
  tags: string[];
  /** Tags of the site's own that the text is about (`suggestTags`); filled by the CLI, else empty. */
  suggestedTags: string[];
  /** Who the piece is credited to by a "Source: …" line at its end; kept out of the body. */
  attribution: string | null;
  /** Address of the original, from the options. */
  url: string | null;
  /** Fields that could not be read, and why. */
  warnings: string[];
  /** Every guess made, with the line it came from, for the editor to review. */
  guesses: string[];
}
