/** Name search as every campaigns list does it: each word must appear, wildcards taken literally. */

/** A LIKE pattern matching `text` anywhere (case-folded), its `\`, `%` and `_` taken literally. */
export function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One `lower(column) LIKE` condition per word of `q`, bound through `bind`: "car 30" finds
 * "Bought a car in the last 30 days". None for an empty or missing `q`.
 */
export function everyWordIn(
  column: string,
  q: string | undefined,
  bind: (value: unknown) => string,
): string[] {
  return (q ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `lower(${column}) LIKE ${bind(containing(word))}`);
}
