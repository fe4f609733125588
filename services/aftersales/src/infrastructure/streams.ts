/** Stream ids are `<category>-<id>`; the category names the aggregate. */
import { streamIdOf } from '@crm/event-sourcing';

export const STREAM = {
  /** An installed product: one delivered unit. */
  asset: (id: string) => streamIdOf('asset', id),
  /** A service case. */
  case: (id: string) => streamIdOf('case', id),
  /** What was announced about a case or an asset (SLA breaches, warranty ending), once each. */
  notice: (subject: string) => streamIdOf('notice', subject),
} as const;

/** The stream categories the relay publishes from. */
export const PUBLISHED_CATEGORIES = ['asset', 'case', 'notice'] as const;
