import { findDate } from "./parse-date.ts";

/** A byline line taken apart. */
export interface Byline {
  /** The author or agency, e.g. "PMOI/MEK" from "Analysis by PMOI/MEK". */
  byline: string;
  /** The line as found. */
  raw: string;
}

/** Credits that read like bylines but name a sponsor or a tool ("Powered by", "Supported by"). */
const NOT_AUTHORS =
  /^(?:powered|sponsored|supported|presented|brought to you|paid for|funded|hosted|made|designed|built)\b/i;
const BY =
  /^(?:(?:[\p{L}]+ ){0,2}by|written by|words|author|authors|posted by|reporting)\s*[:\-–]?\s+(.+)$/iu;

/**
 * Reads a byline line: "By Jane Doe", "Analysis by PMOI/MEK", "Written by X", "Author: X", "Posted by X at
 * 12:55 AM". A date or time after the name ("By X March 18 at 3:57 PM", "By X | Jan. 31") is cut off.
 * Returns null for anything else, including sponsor credits ("Powered by …") and long sentences.
 */
export function extractByline(line: string): Byline | null {
  if (NOT_AUTHORS.test(line) || line.split(/\s+/).length > 16) return null;
  const m = BY.exec(line);
  if (!m?.[1]) return null;
  let name = m[1];
  const date = findDate(name);
  if (date) name = name.slice(0, date.index);
  name =
    name
      .split(/\s+(?:on|at|in|updated|published|posted)\s+|\s*[|·•,–—]\s*|\s+-\s+|\s+\d{1,2}:\d{2}\b/i)[0]
      ?.replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i, "")
      .replace(/[\s,;:.–—-]+$/, "")
      .trim() ?? "";
  if (name === "" || name.split(/\s+/).length > 8 || !/^[\p{Lu}\p{N}@]/u.test(name)) return null;
  return { byline: name, raw: line };
}

/**
 * Whether a short line reads as a publication name ("Iran Focus", "Reuters", "The A.V. Club"): one to four
 * words, each capitalised (or a short connective such as "of"/"the"), no digits, no sentence punctuation.
 */
export function isPublicationName(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length > 4 || /[\d:;!?,"“”]/.test(line) || (/\.$/.test(line) && !/\.\p{Lu}\.$/u.test(line)))
    return false;
  return words.every((word) => /^[\p{Lu}]/u.test(word) || /^(?:of|the|and|for|on|&)$/.test(word));
}
