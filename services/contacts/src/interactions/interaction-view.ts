import type { InteractionState } from './interaction.decider';
import type { InteractionView } from './interaction.dto';
import { InteractionErrors } from './interaction.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Interaction ids are server-issued UUIDs; anything else cannot name one (404, not 400). */
export function interactionStreamId(interactionId: string): string {
  if (!UUID.test(interactionId)) throw InteractionErrors.interactionNotFound();
  return `interaction-${interactionId.toLowerCase()}`;
}

/** 404 before the log, 410 once deleted or once everyone who took part was erased. */
export function assertInteractionReadable(state: InteractionState): void {
  if (!state.logged) throw InteractionErrors.interactionNotFound();
  if (state.deleted) throw InteractionErrors.interactionDeleted();
  if (state.contactIds.length === 0) throw InteractionErrors.interactionErased();
}

export function toInteractionView(
  interactionId: string,
  state: InteractionState,
  version: number,
): InteractionView {
  const { interactionId: _id, ...record } = state.record!;
  return { id: interactionId.toLowerCase(), version, ...record, contactIds: [...state.contactIds] };
}
