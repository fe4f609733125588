/**
 * A contact's lists as the contract publishes them: whole, and with the `primaryEmail` /
 * `primaryPhone` they imply (null when the list is empty), so a consumer never derives them.
 */
import type { EmailEntry, PhoneEntry } from '../contacts/contact';
import type { ListsAfter } from '../contacts/contact.events';

export interface PrimaryValues {
  primaryEmail?: string | null;
  primaryPhone?: string | null;
}

/** The primaries of the lists given (a list left out is not mentioned). */
export function primaryValues(lists: {
  readonly emails?: readonly EmailEntry[];
  readonly phones?: readonly PhoneEntry[];
}): PrimaryValues {
  return {
    ...(lists.emails ? { primaryEmail: lists.emails.find((e) => e.primary)?.address ?? null } : {}),
    ...(lists.phones ? { primaryPhone: lists.phones.find((p) => p.primary)?.number ?? null } : {}),
  };
}

/**
 * The named lists an event left behind, with their primaries. Nothing when the event carries no
 * `after` (recorded before it existed, or shredded by an erase).
 */
export function listValues(
  after: ListsAfter | undefined,
  lists: readonly (keyof ListsAfter)[],
): Record<string, unknown> {
  if (!after) return {};
  const values: Record<string, unknown> = {};
  for (const list of lists) if (after[list] !== undefined) values[list] = after[list];
  return {
    ...values,
    ...primaryValues({
      emails: lists.includes('emails') ? after.emails : undefined,
      phones: lists.includes('phones') ? after.phones : undefined,
    }),
  };
}
