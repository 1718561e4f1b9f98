import { findDate, isoDate } from "./parse-date.ts";

/** What a page's markup declares about its article. Every field may be missing. */
export interface PageMetadata {
  /** Declared titles, best first: JSON-LD headline, og:title, twitter:title, `<title>`. */
  titles: string[];
  /** The publication date as declared, `YYYY-MM-DD` (the day as written, in the page's own offset). */
  date: string | null;
  /** Where the date came from ("JSON-LD datePublished", "article:published_time", …). */
  dateFrom: string | null;
  /** The last modification day declared (JSON-LD dateModified, article:modified_time), `YYYY-MM-DD`. */
  modified: string | null;
  /** The site's name: og:site_name, JSON-LD publisher, application-name. */
  siteName: string | null;
  /** Author names: JSON-LD author, meta author, article:author (names only, not profile URLs). */
  author: string | null;
  /**
   * The canonical address: `<link rel=canonical>`, og:url, JSON-LD url, the first that is absolute http(s)
   * with a dotted host and not the site's home page.
   */
  url: string | null;
}

/** The parts of a DOM document this module reads; `linkedom` and browsers both provide them. */
export interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
}
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  closest?(selector: string): unknown;
  parentNode?: unknown;
}

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Review|Report|Tech|Scholarly|Satirical)?Article$|^(?:BlogPosting|LiveBlogPosting|Posting|SocialMediaPosting|WebPage|CreativeWork)$/;

/**
 * Reads the article's metadata from the page's markup: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`,
 * also inside `@graph`), Open Graph and other `<meta>` tags, `<time datetime>`, and the canonical link.
 * JSON-LD of an article type wins over a generic `WebPage`; a malformed JSON-LD block is skipped.
 */
export function readPageMetadata(document: MetaDocument): PageMetadata {
  const meta = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll("meta"))) {
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? "")
      .trim()
      .toLowerCase();
    const content = el.getAttribute("content")?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = jsonLdArticles(document);
  const article = ld.find((o) => types(o).some((t) => t !== "WebPage" && ARTICLE_TYPES.test(t))) ?? ld[0];
  const titles = unique([
    text(article?.headline),
    text(article?.name),
    meta.get("og:title"),
    meta.get("twitter:title"),
    Array.from(document.querySelectorAll("title"))[0]?.textContent?.trim(),
  ]);

  let date: string | null = null;
  let dateFrom: string | null = null;
  const dated: Array<[string, unknown]> = [
    ["JSON-LD datePublished", article?.datePublished],
    ["article:published_time", meta.get("article:published_time")],
    ["meta datePublished", meta.get("datepublished")],
    ["meta date", meta.get("date") ?? meta.get("pubdate") ?? meta.get("publishdate")],
    ["meta dc.date", meta.get("dc.date") ?? meta.get("dc.date.issued") ?? meta.get("dcterms.created")],
    ["meta parsely-pub-date", meta.get("parsely-pub-date") ?? meta.get("sailthru.date")],
    ["og:published_time", meta.get("og:published_time") ?? meta.get("og:article:published_time")],
    ["itemprop datePublished", itempropDate(document)],
    ["time datetime", timeAttribute(document)],
    ["publication meta", publicationMeta(meta)],
    ["publication date attribute", publicationAttribute(document)],
    ["embedded datePublished", embeddedDate(document, EMBEDDED_PUBLISHED)],
    ["time text", timeText(document)],
    ["JSON-LD dateCreated", article?.dateCreated],
    ["JSON-LD dateModified", article?.dateModified],
  ];
  for (const [from, value] of dated) {
    // Markup written for people is still a declaration: `<meta name="date" content="March 27, 2025">`.
    const written = text(value);
    // (Not JSON-LD's: a written day there is a template's stale copy more often than the page's.)
    const day = isoDay(written) ?? (written && from.startsWith("meta ") ? looseDay(written) : null);
    if (day) {
      date = day;
      dateFrom = from;
      break;
    }
  }

  const modified =
    isoDay(text(article?.dateModified)) ??
    isoDay(meta.get("article:modified_time")) ??
    isoDay(meta.get("og:updated_time")) ??
    isoDay(itempropModified(document)) ??
    isoDay(embeddedDate(document, EMBEDDED_MODIFIED));
  const publisher = first(article?.publisher);
  const siteName = meta.get("og:site_name") ?? text(publisher?.name) ?? meta.get("application-name") ?? null;
  const authors = list(article?.author)
    .map((a) => (typeof a === "string" ? a : text((a as Record<string, unknown>)?.name)))
    .filter((a): a is string => typeof a === "string" && a.trim() !== "" && !/^https?:/i.test(a));
  const metaAuthor = meta.get("author") ?? meta.get("article:author") ?? meta.get("parsely-author");
  const author =
    authors.length > 0
      ? unique(authors).join(", ")
      : metaAuthor && !/^https?:/i.test(metaAuthor)
        ? metaAuthor
        : null;
  const canonical = Array.from(document.querySelectorAll('link[rel~="canonical"]'))[0]?.getAttribute("href");
  const url = [canonical, meta.get("og:url"), text(article?.url)].map(articleAddress).find((u) => u) ?? null;
  return { titles, date, dateFrom, modified, siteName: clean(siteName), author: clean(author), url };
}

type Json = Record<string, unknown>;

/** Every JSON-LD object on the page, flattened (arrays and `@graph`). */
function jsonLdArticles(document: MetaDocument): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const o = value as Json;
    if (o["@type"]) out.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(el.textContent ?? ""), 0);
    } catch {
      // A malformed block (trailing commas, HTML comments) says nothing reliable: skip it.
    }
  }
  return out;
}

function types(o: Json): string[] {
  return list(o["@type"]).filter((t): t is string => typeof t === "string");
}

function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function first(value: unknown): Json | undefined {
  const v = list(value)[0];
  return v && typeof v === "object" ? (v as Json) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/**
 * The longest title, name or author list taken from the markup, in characters: the corpus's longest
 * headline is 24 words (160 characters); a longer value is a paste of the article, a keyword dump or a
 * hostile page, never a name a reader sees.
 */
const MAX_DECLARED = 300;

function unique(values: Array<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = clean(v);
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

function clean(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_DECLARED * 4) return null;
  const t = decodeEntities(value).replace(/\s+/g, " ").trim();
  return t && t.length <= MAX_DECLARED ? t : null;
}

/** Entities that survive in attribute values and JSON-LD strings written by some CMSs (`&amp;#8217;`). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** Whether an element sits in a comment thread, whose time stamps are the comments' and not the article's. */
function inComments(el: MetaElement): boolean {
  return el.closest?.('[id*="comment" i], [class*="comment" i]') != null;
}

/** The first `datePublished` microdata outside comments (`content` or `datetime`). */
function itempropDate(document: MetaDocument): string | undefined {
  for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"]'))) {
    const v = (el.getAttribute("content") ?? el.getAttribute("datetime"))?.trim();
    if (v && isoDay(v) && !inComments(el)) return v;
  }
  return undefined;
}

/** The first `dateModified` microdata outside comments. */
function itempropModified(document: MetaDocument): string | undefined {
  for (const el of Array.from(document.querySelectorAll('[itemprop="dateModified"]'))) {
    const v = (el.getAttribute("content") ?? el.getAttribute("datetime"))?.trim();
    if (v && isoDay(v) && !inComments(el)) return v;
  }
  return undefined;
}

/**
 * The `datetime` of the `<time>` outside comments nearest the page's first h1 (the one sharing the
 * deepest container with it: the article's header, where sidebars and teaser lists above it hold other
 * stories' stamps); of equals, the first. Without an h1, the first.
 */
function timeAttribute(document: MetaDocument): string | undefined {
  const h1 = Array.from(document.querySelectorAll("h1"))[0];
  const headline = h1 ? [h1, ...ancestors(h1)] : [];
  let best: { v: string; depth: number } | undefined;
  for (const el of Array.from(document.querySelectorAll("time[datetime]"))) {
    const v = el.getAttribute("datetime")?.trim();
    if (!v || !isoDay(v) || inComments(el)) continue;
    const mine = new Set(ancestors(el));
    const shared = headline.findIndex((a) => mine.has(a));
    const depth = shared < 0 ? 0 : headline.length - shared;
    if (!best || depth > best.depth) best = { v, depth };
  }
  return best?.v;
}

/** An element's ancestors, nearest first. */
function ancestors(el: MetaElement): unknown[] {
  const out: unknown[] = [];
  for (let n = el.parentNode; n; n = (n as MetaElement).parentNode) out.push(n);
  return out;
}

const UPDATE = /updat|modif|revis|edited/i;
/** Where other stories' stamps sit: links, lists, asides, footers, teaser cards. */
const ELSEWHERE = 'a, li, aside, nav, footer, [class*="card" i]';

/**
 * The earliest day among the other `<meta>` tags that name a publication (`published-date`,
 * `published_on`, `citation_publication_date`, …; not the publisher, not an update): the first
 * publication comes before any later stamp.
 */
function publicationMeta(meta: ReadonlyMap<string, string>): string | undefined {
  const days: string[] = [];
  for (const [key, value] of meta) {
    if (!/publi(?:sh|cation)/.test(key) || /publisher/.test(key) || UPDATE.test(key)) continue;
    const day = isoDay(value) ?? looseDay(value);
    if (day) days.push(day);
  }
  return days.sort()[0];
}

/** An attribute naming a publication stamp: `publishdate`, `data-published-at`, `data-date-published`. */
const PUBLISH_ATTRIBUTE =
  /^(?:data-)?(?:publish(?:ed)?[-_]?(?:date|time|at|on)?|date[-_]?published|pubdate)$/;

/**
 * The first ISO day in an attribute that names the publication, on any element outside comments
 * (a web component's `<x-timestamp publishdate="2018-01-23T17:38:06Z">`).
 */
function publicationAttribute(document: MetaDocument): string | undefined {
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    const names = (el as MetaElement & { getAttributeNames?(): string[] }).getAttributeNames?.() ?? [];
    for (const name of names) {
      if (!PUBLISH_ATTRIBUTE.test(name)) continue;
      const v = el.getAttribute(name)?.trim();
      if (v && isoDay(v) && !inComments(el)) return v;
    }
  }
  return undefined;
}

/** `"datePublished": "2023-10-17…"` in page state that is not JSON-LD (a script's JSON, a data attribute). */
const EMBEDDED_PUBLISHED = /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]*)"/;
/** `"dateModified": "2023-10-17…"`, likewise. */
const EMBEDDED_MODIFIED = /"dateModified"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]*)"/;

/**
 * The first schema.org date (`pattern`: `datePublished` or `dateModified`) written in the page's other
 * embedded JSON: framework state in a script (`__NEXT_DATA__`, `application/json`), or schema.org data
 * kept in an element's attribute.
 */
function embeddedDate(document: MetaDocument, pattern: RegExp): string | undefined {
  for (const el of Array.from(document.querySelectorAll("script:not([src])"))) {
    if (/ld\+json/i.test(el.getAttribute("type") ?? "")) continue;
    const found = pattern.exec(el.textContent ?? "");
    if (found && isoDay(found[1])) return found[1];
  }
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    const names = (el as MetaElement & { getAttributeNames?(): string[] }).getAttributeNames?.() ?? [];
    for (const name of names) {
      const v = el.getAttribute(name);
      if (!v || v.length < 20 || !v.includes('"date')) continue;
      const found = pattern.exec(v);
      if (found && isoDay(found[1])) return found[1];
    }
  }
  return undefined;
}

/** A day written as `2024/06/30`, `2024 Jun 30` or in prose (`July 17, 2025`), else null. */
function looseDay(value: string): string | null {
  const ymd = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(value);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const ymonth = /^\s*(\d{4})\s+([A-Za-z]{3,9})\.?\s+(\d{1,2})\b/.exec(value);
  if (ymonth) return findDate(`${ymonth[2]} ${ymonth[3]}, ${ymonth[1]}`)?.date ?? null;
  return findDate(value)?.date ?? null;
}

/**
 * The day written in the first `<time>` without a usable `datetime` (outside comments, and not an
 * "Updated …" stamp, by its own words or its container's class, and not in a link, list, aside or footer,
 * or a teaser card, where related stories show their own stamps).
 */
function timeText(document: MetaDocument): string | undefined {
  for (const el of Array.from(document.querySelectorAll("time"))) {
    if (isoDay(el.getAttribute("datetime")?.trim()) || inComments(el)) continue;
    const words = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (!words || words.split(" ").length > 12 || UPDATE.test(words)) continue;
    if (el.closest?.(`[class*="updat" i], [class*="modif" i], ${ELSEWHERE}`) != null) continue;
    const day = findDate(words)?.date;
    if (day) return day;
  }
  return undefined;
}

/** The day of an ISO-like timestamp as written ("2024-03-05T23:10:00-05:00" → "2024-03-05"). */
export function isoDay(value: string | undefined): string | null {
  const m = value ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return null;
  // A real day only: "2024-02-31" or "2023-02-29" in markup is a broken stamp, not a date to publish.
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function absoluteHttp(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A declared address that can be the article's own: absolute http(s) with a dotted host (what `source_url`
 * accepts), and not the site's home page. Templates that put the home page in a canonical link or a
 * `Blog` object's `url` would otherwise make every article of the site "the same source_url".
 */
function articleAddress(value: string | null | undefined): string | null {
  const href = absoluteHttp(value);
  if (!href) return null;
  const u = new URL(href);
  if (!u.hostname.includes(".") || (u.pathname === "/" && u.search === "")) return null;
  return href;
}
