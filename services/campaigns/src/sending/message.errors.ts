/** Every way a command on a message can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const MessageErrors = defineErrors('message', {
  MessageNotFound: { kind: 'not-found', message: () => 'No such message' },
  /** The ledger already has this (campaign, person, step): it is never sent twice. */
  MessageAlreadyInLedger: {
    kind: 'conflict',
    message: (messageId: string) => `Message ${messageId} is already in the send ledger`,
  },
  /** A skipped message was never sent: nothing can be opened, clicked or bounced. */
  MessageNotSent: {
    kind: 'conflict',
    message: (messageId: string) => `Message ${messageId} was skipped, never sent`,
  },
});
