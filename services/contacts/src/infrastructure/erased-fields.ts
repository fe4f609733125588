/**
 * After an erase, shredded fields read back as the ERASED marker whatever their type. Folding and
 * projecting expect arrays and objects, so personal fields are replaced by their empty form
 * before any code sees them: the erased person then looks like a person with no details.
 */
import { isErased, type RecordedEvent } from '@crm/event-sourcing';

const EMPTY: Readonly<Record<string, () => unknown>> = {
  name: () => ({}),
  emails: () => [],
  phones: () => [],
  addresses: () => [],
  lines: () => [],
  customFields: () => ({}),
  set: () => ({}),
  filled: () => ({}),
};

export function blankErasedFields<E extends { type: string; data: unknown }>(event: E): E {
  const data = event.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || !Object.values(data).some(isErased)) return event;
  const blanked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!isErased(value)) blanked[key] = value;
    else if (EMPTY[key]) blanked[key] = EMPTY[key]();
    // Scalars (an email address, a reason) are dropped: undefined is their "nothing known".
  }
  return { ...event, data: blanked };
}

export function toDomainEvent<E extends { type: string; data: unknown }>(
  recorded: RecordedEvent,
): E {
  return blankErasedFields({ type: recorded.type, data: recorded.data }) as unknown as E;
}
