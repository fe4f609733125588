/** How a read of the capture outbox can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const OutboxErrors = defineErrors('outbox', {
  /** Unknown, malformed or another tenant's id alike: the answer tells nothing more. */
  OutboxMessageNotFound: { kind: 'not-found', message: () => 'No such message in the outbox' },
});
