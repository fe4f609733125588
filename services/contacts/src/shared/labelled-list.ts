/**
 * Emails, phones and addresses share one invariant: at most one primary entry, and when the list
 * is not empty exactly one is primary (the first one unless the client chose).
 */
export interface Labelled {
  readonly primary: boolean;
}

export function withSinglePrimary<T extends Labelled>(entries: readonly T[]): T[] {
  const chosen = entries.findIndex((e) => e.primary);
  const primaryIndex = chosen === -1 ? 0 : chosen;
  return entries.map((e, i) => ({ ...e, primary: i === primaryIndex }));
}
