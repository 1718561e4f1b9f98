/**
 * A count with its noun in the right number: `plural(1, "article")` is "1 article", `plural(3, "article")`
 * "3 articles"; pass the plural form for nouns that do not just take an "s" (`plural(2, "entry", "entries")`).
 * The count is written with the locale's digit grouping when `locale` is given ("1,234 recipients").
 */
export function plural(
  count: number,
  singular: string,
  pluralForm = `${singular}s`,
  locale?: string,
): string {
  const number = locale ? new Intl.NumberFormat(locale).format(count) : String(count);
  return `${number} ${count === 1 ? singular : pluralForm}`;
}
