/** Stream ids are `<category>-<id>`; the category names the aggregate. */
import { streamIdOf } from '@crm/event-sourcing';

export const STREAM = {
  segment: (id: string) => streamIdOf('segment', id),
  /** One contact's segment memberships: joins and leaves of every segment, in order. */
  membership: (contactId: string) => streamIdOf('membership', contactId),
  /** A message template (email or SMS), its versions. */
  template: (id: string) => streamIdOf('template', id),
  /** A campaign: its lifecycle from draft to completed. */
  campaign: (id: string) => streamIdOf('campaign', id),
  /** One message of a campaign to one person for one step: the send ledger (sending/). */
  message: (id: string) => streamIdOf('message', id),
} as const;
