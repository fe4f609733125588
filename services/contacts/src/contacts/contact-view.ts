import { displayName } from './contact';
import type { ContactState } from './contact.decider';
import type { ContactView } from './contact.dto';
import { ContactErrors } from './contact.errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Contact ids are server-issued UUIDs; anything else cannot name a contact (404, not 400). */
export function contactStreamId(contactId: string): string {
  if (!UUID.test(contactId)) throw ContactErrors.contactNotFound();
  return `contact-${contactId.toLowerCase()}`;
}

export function toContactView(
  contactId: string,
  state: ContactState,
  version: number,
): ContactView {
  return {
    id: contactId.toLowerCase(),
    version,
    status: state.status,
    name: state.name,
    displayName: displayName(state.name),
    emails: [...state.emails],
    phones: [...state.phones],
    addresses: state.addresses.map((a) => ({ ...a, lines: [...a.lines] })),
    ...(state.bestTimeToCall
      ? { bestTimeToCall: { ...state.bestTimeToCall, windows: [...state.bestTimeToCall.windows] } }
      : {}),
    ...(state.preferredChannel ? { preferredChannel: state.preferredChannel } : {}),
    ...(state.demographics ? { demographics: state.demographics } : {}),
    tags: [...state.tags],
    customFields: { ...state.customFields },
    ...(state.ownerId ? { ownerId: state.ownerId } : {}),
    ...(state.companyId ? { companyId: state.companyId } : {}),
    lifecycleStage: state.lifecycleStage,
  };
}

/** What a read of a contact id means in each status (merged ids resolve to the survivor). */
export function assertReadable(state: ContactState): void {
  if (state.status === 'unregistered') throw ContactErrors.contactNotFound();
  if (state.status === 'erased') throw ContactErrors.contactErased();
}
