import { wordsOf } from "./normalize-text.ts";

const ATTRIBUTION =
  /^(?:source|sources|via|courtesy(?: of)?|originally (?:published|posted|appeared) (?:in|on|at|by)|this (?:article|story|post|piece) (?:was )?(?:first |originally )?(?:appeared|published|posted) (?:in|on|at|by)|reprinted (?:from|with permission (?:of|from)))\s*[:\-–—]?\s+(.+?)[.\s]*$/i;

/**
 * Reads an attribution line that credits where a piece comes from: "Source: Asharq AL-awsat", "Via
 * Reuters", "This article first appeared in The Conversation". Returns the credited name, or null. Only
 * short lines count (at most 12 words), so a sentence that starts with "Sources say" stays in the body.
 */
export function extractAttribution(line: string): string | null {
  if (wordsOf(line).length > 12) return null;
  const m = ATTRIBUTION.exec(line);
  const name = m?.[1]?.trim();
  if (!name || /^(?:say|said|says|told|close|familiar|who)\b/i.test(name)) return null;
  return name;
}
