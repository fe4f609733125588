/** Stream ids are `<category>-<id>`; the category names the aggregate. */
import { streamIdOf } from '@crm/event-sourcing';

export const STREAM = {
  segment: (id: string) => streamIdOf('segment', id),
  /** One contact's segment memberships: joins and leaves of every segment, in order. */
  membership: (contactId: string) => streamIdOf('membership', contactId),
} as const;
