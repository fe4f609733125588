/** Every way a command on an interaction can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const InteractionErrors = defineErrors('interaction', {
  InteractionNotFound: { kind: 'not-found', message: () => 'Interaction does not exist' },
  InteractionAlreadyLogged: {
    kind: 'conflict',
    message: () => 'This interaction was already logged',
  },
});
