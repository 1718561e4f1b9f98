/** Texts up to this long are remembered (longer ones are joined paragraphs, read once). */
const REMEMBERED_LENGTH = 1000;
/** How many texts are remembered before starting afresh (a batch of pages, not the whole run). */
const REMEMBERED_TEXTS = 50_000;

/**
 * `read`, remembering its answer for each line of text: the importer's stages ask the same questions of
 * the same lines again and again (boilerplate, region, headline, header, body features). `read` must be
 * pure and never answer `undefined`, and what it returns is shared, so read-only.
 */
export function rememberByText<T extends NonNullable<unknown> | null>(
  read: (text: string) => T,
): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > REMEMBERED_LENGTH) return read(text);
    let answer = known.get(text);
    if (answer !== undefined) return answer;
    if (known.size >= REMEMBERED_TEXTS) known.clear();
    answer = read(text);
    known.set(text, answer);
    return answer;
  };
}
