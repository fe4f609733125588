/**
 * The contact aggregate as a pure decider. Invariants it protects: canonical, validated details
 * (E.164 phones, normalised emails, IANA zones, typed custom fields); one primary per list; legal
 * lifecycle moves; nothing changes once a contact is merged away or erased.
 */
import { type Decider } from '@crm/event-sourcing';
import { parseEmail, parseOneOf, parseOptionalText, parsePhoneNumber } from '@crm/values';
import {
  parseCustomFieldValue,
  type CustomFieldDefinition,
  type CustomFieldValue,
} from '../custom-fields/custom-field';
import { withSinglePrimary } from '../shared/labelled-list';
import { parsePostalAddress } from '../shared/postal-address';
import { compact } from '../shared/compact';
import { applyMergePatch } from '../shared/merge-patch';
import {
  CONTACT_CHANNELS,
  LIFECYCLE_STAGES,
  canMoveStage,
  parseAddresses,
  parseBestTimeToCall,
  parseDemographics,
  parseEmailEntry,
  parseEmails,
  parseName,
  parsePhoneEntry,
  parsePhones,
  parseTag,
  parseTags,
  stageAtLeast,
  type BestTimeToCall,
  type ContactProfile,
  type Demographics,
  type LifecycleStage,
  type PersonName,
} from './contact';
import type { ContactCommand } from './contact.commands';
import type { ContactDetailChanges, ContactEvent, ListsAfter } from './contact.events';
import { ContactErrors } from './contact.errors';
import { AddressErrors } from '../shared/postal-address.errors';
import { ListErrors } from '../shared/list.errors';
import { CustomFieldErrors } from '../custom-fields/custom-field.errors';

export type ContactStatus = 'unregistered' | 'active' | 'archived' | 'merged' | 'erased';

export interface ContactState extends ContactProfile {
  readonly status: ContactStatus;
  readonly contactId?: string;
  readonly ownerId?: string;
  readonly companyId?: string;
  readonly lifecycleStage: LifecycleStage;
  readonly survivorId?: string;
  readonly absorbed: readonly string[];
}

const initialState = (): ContactState => ({
  status: 'unregistered',
  name: {},
  emails: [],
  phones: [],
  addresses: [],
  tags: [],
  customFields: {},
  lifecycleStage: 'subscriber',
  absorbed: [],
});

const MAX_LIST = { emails: 20, phones: 20, addresses: 10, tags: 50 };

function parseCustomFields(
  values: Record<string, unknown> | undefined,
  catalogue: Readonly<Record<string, CustomFieldDefinition>>,
): { set: Record<string, CustomFieldValue>; cleared: string[] } {
  const set: Record<string, CustomFieldValue> = {};
  const cleared: string[] = [];
  for (const [key, value] of Object.entries(values ?? {})) {
    // Own-property lookup: `toString` or `__proto__` must be unknown fields, not prototype hits.
    const definition = Object.prototype.hasOwnProperty.call(catalogue, key)
      ? catalogue[key]
      : undefined;
    if (value === null) {
      if (!definition) parseCustomFieldValue(key, value, definition);
      cleared.push(key);
    } else {
      set[key] = parseCustomFieldValue(key, value, definition);
    }
  }
  return { set, cleared };
}

/** Which commands each status accepts; everything else is refused with the status' error. */
function assertAccepts(command: ContactCommand, state: ContactState): void {
  switch (state.status) {
    case 'unregistered':
      if (command.type !== 'RegisterContact') throw ContactErrors.contactNotFound();
      return;
    case 'erased':
      throw ContactErrors.contactErased();
    case 'merged':
      throw ContactErrors.contactAlreadyMerged(state.survivorId);
    case 'archived':
      if (
        ![
          'ArchiveContact',
          'RestoreContact',
          'EraseContact',
          'MarkContactMerged',
          'RegisterContact',
          // Sales facts stay true of an archived contact (an order placed before the archive).
          'AdvanceLifecycleStage',
        ].includes(command.type)
      ) {
        throw ContactErrors.contactArchived();
      }
      return;
    case 'active':
      return;
  }
}

/** The lists each event changes: what its `after` carries. */
const LISTS_CHANGED: Partial<Record<ContactEvent['type'], readonly (keyof ListsAfter)[]>> = {
  ContactEmailAdded: ['emails'],
  ContactEmailRemoved: ['emails'],
  ContactPhoneAdded: ['phones'],
  ContactPhoneRemoved: ['phones'],
  ContactAddressAdded: ['addresses'],
  ContactAddressRemoved: ['addresses'],
  ContactTagged: ['tags'],
  ContactUntagged: ['tags'],
  ContactCustomFieldsChanged: ['customFields'],
  ContactDuplicateAbsorbed: ['emails', 'phones', 'addresses', 'tags', 'customFields'],
};

/**
 * Each list event records the changed lists as folding it leaves them (evolve itself computes
 * them, so they cannot disagree), for the integration event to carry new values, not a delta.
 */
function withListsAfter(state: ContactState, events: ContactEvent[]): ContactEvent[] {
  let current = state;
  return events.map((event) => {
    current = evolve(current, event);
    const lists = LISTS_CHANGED[event.type];
    if (!lists) return event;
    const after: ListsAfter = Object.fromEntries(lists.map((list) => [list, current[list]]));
    return { ...event, data: { ...event.data, after } } as ContactEvent;
  });
}

function decide(command: ContactCommand, state: ContactState): ContactEvent[] {
  return withListsAfter(state, decideEvents(command, state));
}

function decideEvents(command: ContactCommand, state: ContactState): ContactEvent[] {
  // Erasing twice, or erasing what was merged away, is allowed: the request is "forget this person".
  if (command.type === 'EraseContact' && state.status !== 'unregistered') {
    return state.status === 'erased'
      ? []
      : [
          {
            type: 'ContactErased',
            data: { contactId: state.contactId!, erasedAt: command.data.erasedAt },
          },
        ];
  }
  assertAccepts(command, state);
  const contactId = state.contactId!;
  switch (command.type) {
    case 'RegisterContact': {
      if (state.status !== 'unregistered') {
        throw ContactErrors.contactAlreadyRegistered();
      }
      const d = command.data;
      const { set: customFields, cleared } = parseCustomFields(
        d.customFields,
        d.customFieldCatalogue,
      );
      if (cleared.length)
        throw CustomFieldErrors.customFieldTypeMismatch(`customFields.${cleared[0]}`);
      const ownerId = parseOptionalText(d.ownerId, 'ownerId', 128);
      const companyId = parseOptionalText(d.companyId, 'companyId', 128);
      return [
        {
          type: 'ContactRegistered',
          data: {
            contactId: d.contactId,
            name: parseName(d.name),
            emails: parseEmails(d.emails),
            phones: parsePhones(d.phones),
            addresses: parseAddresses(d.addresses),
            ...(d.bestTimeToCall !== undefined
              ? { bestTimeToCall: parseBestTimeToCall(d.bestTimeToCall) }
              : {}),
            ...(d.preferredChannel !== undefined
              ? {
                  preferredChannel: parseOneOf(
                    d.preferredChannel,
                    CONTACT_CHANNELS,
                    'preferredChannel',
                  ),
                }
              : {}),
            ...(d.demographics !== undefined
              ? { demographics: parseDemographics(d.demographics, d.today) }
              : {}),
            tags: parseTags(d.tags),
            customFields,
            ...(ownerId ? { ownerId } : {}),
            ...(companyId ? { companyId } : {}),
            lifecycleStage:
              d.lifecycleStage === undefined
                ? 'subscriber'
                : parseOneOf(d.lifecycleStage, LIFECYCLE_STAGES, 'lifecycleStage'),
          },
        },
      ];
    }
    case 'UpdateContact':
      return decideUpdate(command.data, state);
    case 'AddContactEmail': {
      const entry = parseEmailEntry(command.data, 'email');
      const existing = state.emails.find((e) => e.address === entry.address);
      if (existing) {
        if (existing.label === entry.label && (existing.primary || !entry.primary)) return [];
        throw ContactErrors.emailAlreadyPresent();
      }
      if (state.emails.length >= MAX_LIST.emails)
        throw ListErrors.tooManyEntries('email', MAX_LIST.emails, 'emails', 'A contact');
      return [
        {
          type: 'ContactEmailAdded',
          data: { contactId, ...entry, primary: entry.primary || state.emails.length === 0 },
        },
      ];
    }
    case 'RemoveContactEmail': {
      const address = parseEmail(command.data.address, 'address');
      if (!state.emails.some((e) => e.address === address)) {
        throw ContactErrors.emailNotFound();
      }
      return [{ type: 'ContactEmailRemoved', data: { contactId, address } }];
    }
    case 'AddContactPhone': {
      const entry = parsePhoneEntry(command.data, 'phone');
      const existing = state.phones.find((p) => p.number === entry.number);
      if (existing) {
        if (existing.label === entry.label && (existing.primary || !entry.primary)) return [];
        throw ContactErrors.phoneAlreadyPresent();
      }
      if (state.phones.length >= MAX_LIST.phones)
        throw ListErrors.tooManyEntries('phone', MAX_LIST.phones, 'phones', 'A contact');
      return [
        {
          type: 'ContactPhoneAdded',
          data: { contactId, ...entry, primary: entry.primary || state.phones.length === 0 },
        },
      ];
    }
    case 'RemoveContactPhone': {
      const number = parsePhoneNumber(command.data.number, 'number');
      if (!state.phones.some((p) => p.number === number)) {
        throw ContactErrors.phoneNotFound();
      }
      return [{ type: 'ContactPhoneRemoved', data: { contactId, number } }];
    }
    case 'AddContactAddress': {
      const address = parsePostalAddress(command.data, 'address');
      if (state.addresses.some((a) => a.addressId === address.addressId)) {
        throw AddressErrors.addressAlreadyPresent();
      }
      if (state.addresses.length >= MAX_LIST.addresses) {
        throw ListErrors.tooManyEntries('address', MAX_LIST.addresses, 'addresses', 'A contact');
      }
      return [
        {
          type: 'ContactAddressAdded',
          data: { contactId, ...address, primary: address.primary || state.addresses.length === 0 },
        },
      ];
    }
    case 'RemoveContactAddress': {
      if (!state.addresses.some((a) => a.addressId === command.data.addressId)) {
        throw AddressErrors.addressNotFound('contact');
      }
      return [
        { type: 'ContactAddressRemoved', data: { contactId, addressId: command.data.addressId } },
      ];
    }
    case 'TagContact': {
      const fresh = parseTags(command.data.tags).filter((t) => !state.tags.includes(t));
      if (state.tags.length + fresh.length > MAX_LIST.tags)
        throw ListErrors.tooManyEntries('tags', MAX_LIST.tags, 'tags', 'A contact');
      return fresh.length ? [{ type: 'ContactTagged', data: { contactId, tags: fresh } }] : [];
    }
    case 'UntagContact': {
      const tag = parseTag(command.data.tag, 'tag');
      return state.tags.includes(tag)
        ? [{ type: 'ContactUntagged', data: { contactId, tag } }]
        : [];
    }
    case 'SetContactCustomFields': {
      const { set, cleared } = parseCustomFields(
        command.data.values,
        command.data.customFieldCatalogue,
      );
      const changedSet = Object.fromEntries(
        Object.entries(set).filter(
          ([k, v]) => JSON.stringify(state.customFields[k]) !== JSON.stringify(v),
        ),
      );
      const reallyCleared = cleared.filter((k) => k in state.customFields);
      if (Object.keys(changedSet).length === 0 && reallyCleared.length === 0) return [];
      return [
        {
          type: 'ContactCustomFieldsChanged',
          data: { contactId, set: changedSet, cleared: reallyCleared },
        },
      ];
    }
    case 'ArchiveContact':
      if (state.status === 'archived') return [];
      return [
        {
          type: 'ContactArchived',
          data: compact({
            contactId,
            reason: parseOptionalText(command.data.reason, 'reason', 500),
          }),
        },
      ];
    case 'RestoreContact':
      return state.status === 'archived' ? [{ type: 'ContactRestored', data: { contactId } }] : [];
    case 'AbsorbDuplicate':
      return decideAbsorb(command.data, state);
    case 'MarkContactMerged':
      if (command.data.survivorId === state.contactId) {
        throw ContactErrors.cannotMergeIntoItself();
      }
      return [{ type: 'ContactMerged', data: { contactId, survivorId: command.data.survivorId } }];
    case 'EraseContact':
      return []; // handled above; unreachable for registered contacts
    case 'AdvanceLifecycleStage': {
      const to = stageAtLeast(state.lifecycleStage, command.data.atLeast);
      return to === state.lifecycleStage
        ? []
        : [
            {
              type: 'ContactLifecycleStageChanged',
              data: { contactId, from: state.lifecycleStage, to },
            },
          ];
    }
  }
}

function decideUpdate(
  d: Extract<ContactCommand, { type: 'UpdateContact' }>['data'],
  state: ContactState,
): ContactEvent[] {
  const contactId = state.contactId!;
  const events: ContactEvent[] = [];
  const changes: ContactDetailChanges = {};
  const differs = (a: unknown, b: unknown) =>
    JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  // Nested objects merge into what the contact has (RFC 7396), then the result is validated whole.
  if (d.name !== undefined) {
    const name = parseName(applyMergePatch(state.name, d.name) as PersonName);
    if (differs(name, state.name)) changes.name = name;
  }
  if (d.bestTimeToCall !== undefined) {
    const value =
      d.bestTimeToCall === null
        ? null
        : parseBestTimeToCall(
            applyMergePatch(state.bestTimeToCall, d.bestTimeToCall) as BestTimeToCall,
          );
    if (differs(value, state.bestTimeToCall)) changes.bestTimeToCall = value;
  }
  if (d.preferredChannel !== undefined) {
    const value =
      d.preferredChannel === null
        ? null
        : parseOneOf(d.preferredChannel, CONTACT_CHANNELS, 'preferredChannel');
    if (differs(value, state.preferredChannel)) changes.preferredChannel = value;
  }
  if (d.demographics !== undefined) {
    const value =
      d.demographics === null
        ? null
        : parseDemographics(
            applyMergePatch(state.demographics, d.demographics) as Demographics,
            d.today,
          );
    if (differs(value, state.demographics)) changes.demographics = value;
  }
  if (Object.keys(changes).length)
    events.push({ type: 'ContactDetailsChanged', data: { contactId, ...changes } });
  if (d.ownerId !== undefined) {
    const ownerId =
      d.ownerId === null ? null : (parseOptionalText(d.ownerId, 'ownerId', 128) ?? null);
    if (differs(ownerId, state.ownerId))
      events.push({ type: 'ContactOwnerAssigned', data: { contactId, ownerId } });
  }
  if (d.companyId !== undefined) {
    const companyId =
      d.companyId === null ? null : (parseOptionalText(d.companyId, 'companyId', 128) ?? null);
    if (differs(companyId, state.companyId))
      events.push({ type: 'ContactCompanyLinked', data: { contactId, companyId } });
  }
  if (d.lifecycleStage !== undefined) {
    const to = parseOneOf(d.lifecycleStage, LIFECYCLE_STAGES, 'lifecycleStage');
    if (!canMoveStage(state.lifecycleStage, to)) {
      throw ContactErrors.illegalLifecycleMove(state.lifecycleStage, to);
    }
    if (to !== state.lifecycleStage)
      events.push({
        type: 'ContactLifecycleStageChanged',
        data: { contactId, from: state.lifecycleStage, to },
      });
  }
  return events;
}

/**
 * The survivor keeps everything it has; from the duplicate it takes details it lacks: extra
 * emails/phones/addresses (never as primary), tags, custom fields it has no value for, and the
 * optional single-valued fields it left empty.
 */
function decideAbsorb(
  d: Extract<ContactCommand, { type: 'AbsorbDuplicate' }>['data'],
  state: ContactState,
): ContactEvent[] {
  if (d.duplicateId === state.contactId) {
    throw ContactErrors.cannotMergeIntoItself();
  }
  if (state.absorbed.includes(d.duplicateId)) return [];
  const dup = d.duplicate;
  const filled: ContactDetailChanges & { ownerId?: string; companyId?: string } = {};
  if (!state.bestTimeToCall && dup.bestTimeToCall) filled.bestTimeToCall = dup.bestTimeToCall;
  if (!state.preferredChannel && dup.preferredChannel)
    filled.preferredChannel = dup.preferredChannel;
  if (!state.demographics && dup.demographics) filled.demographics = dup.demographics;
  if (!state.ownerId && dup.ownerId) filled.ownerId = dup.ownerId;
  if (!state.companyId && dup.companyId) filled.companyId = dup.companyId;
  const addresses = dup.addresses
    .filter((a) => !state.addresses.some((s) => s.addressId === a.addressId))
    .slice(0, Math.max(0, MAX_LIST.addresses - state.addresses.length));
  return [
    {
      type: 'ContactDuplicateAbsorbed',
      data: {
        contactId: state.contactId!,
        duplicateId: d.duplicateId,
        emails: dup.emails
          .filter((e) => !state.emails.some((s) => s.address === e.address))
          .slice(0, Math.max(0, MAX_LIST.emails - state.emails.length))
          .map((e) => ({ ...e, primary: false })),
        phones: dup.phones
          .filter((p) => !state.phones.some((s) => s.number === p.number))
          .slice(0, Math.max(0, MAX_LIST.phones - state.phones.length))
          .map((p) => ({ ...p, primary: false })),
        addresses: addresses.map((a) => ({ ...a, primary: false })),
        tags: dup.tags
          .filter((t) => !state.tags.includes(t))
          .slice(0, Math.max(0, MAX_LIST.tags - state.tags.length)),
        customFields: Object.fromEntries(
          Object.entries(dup.customFields).filter(([k]) => !(k in state.customFields)),
        ),
        filled,
      },
    },
  ];
}

function applyDetailChanges(
  state: ContactState,
  changes: ContactDetailChanges & { contactId?: string },
): ContactState {
  const next: { -readonly [K in keyof ContactState]: ContactState[K] } = { ...state };
  if (changes.name) next.name = changes.name;
  if (changes.bestTimeToCall !== undefined)
    next.bestTimeToCall = changes.bestTimeToCall ?? undefined;
  if (changes.preferredChannel !== undefined)
    next.preferredChannel = changes.preferredChannel ?? undefined;
  if (changes.demographics !== undefined) next.demographics = changes.demographics ?? undefined;
  return next;
}

/** Removing the primary entry promotes the first remaining one, so the invariant holds in replay. */
function removeEntry<T extends { primary: boolean }>(
  list: readonly T[],
  keep: (e: T) => boolean,
): T[] {
  const rest = list.filter(keep);
  return rest.length && !rest.some((e) => e.primary) ? withSinglePrimary(rest) : rest;
}

/** The list entry an Added event names: without its subject and the lists it carries. */
function entryOf<T extends { contactId: string; after?: ListsAfter }>(
  data: T,
): Omit<T, 'contactId' | 'after'> {
  const { contactId: _subject, after: _after, ...entry } = data;
  return entry;
}

function addEntry<T extends { primary: boolean }>(list: readonly T[], entry: T): T[] {
  return entry.primary ? [...list.map((e) => ({ ...e, primary: false })), entry] : [...list, entry];
}

function evolve(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactRegistered': {
      const { contactId, ...profile } = event.data;
      return { ...state, ...profile, contactId, status: 'active' };
    }
    case 'ContactDetailsChanged':
      return applyDetailChanges(state, event.data);
    case 'ContactOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId ?? undefined };
    case 'ContactCompanyLinked':
      return { ...state, companyId: event.data.companyId ?? undefined };
    case 'ContactLifecycleStageChanged':
      return { ...state, lifecycleStage: event.data.to };
    case 'ContactEmailAdded':
      return { ...state, emails: addEntry(state.emails, entryOf(event.data)) };
    case 'ContactEmailRemoved':
      return {
        ...state,
        emails: removeEntry(state.emails, (e) => e.address !== event.data.address),
      };
    case 'ContactPhoneAdded':
      return { ...state, phones: addEntry(state.phones, entryOf(event.data)) };
    case 'ContactPhoneRemoved':
      return { ...state, phones: removeEntry(state.phones, (p) => p.number !== event.data.number) };
    case 'ContactAddressAdded':
      return { ...state, addresses: addEntry(state.addresses, entryOf(event.data)) };
    case 'ContactAddressRemoved':
      return {
        ...state,
        addresses: removeEntry(state.addresses, (a) => a.addressId !== event.data.addressId),
      };
    case 'ContactTagged':
      return {
        ...state,
        tags: [...state.tags, ...event.data.tags.filter((t) => !state.tags.includes(t))],
      };
    case 'ContactUntagged':
      return { ...state, tags: state.tags.filter((t) => t !== event.data.tag) };
    case 'ContactCustomFieldsChanged': {
      const customFields = { ...state.customFields, ...event.data.set };
      for (const key of event.data.cleared) delete customFields[key];
      return { ...state, customFields };
    }
    case 'ContactArchived':
      return { ...state, status: 'archived' };
    case 'ContactRestored':
      return { ...state, status: 'active' };
    case 'ContactDuplicateAbsorbed': {
      const d = event.data;
      const { ownerId, companyId, ...details } = d.filled;
      return {
        ...applyDetailChanges(state, details),
        ownerId: state.ownerId ?? ownerId,
        companyId: state.companyId ?? companyId,
        emails: withSinglePrimary([...state.emails, ...d.emails]),
        phones: withSinglePrimary([...state.phones, ...d.phones]),
        addresses: withSinglePrimary([...state.addresses, ...d.addresses]),
        tags: [...state.tags, ...d.tags],
        customFields: { ...d.customFields, ...state.customFields },
        absorbed: [...state.absorbed, d.duplicateId],
      };
    }
    case 'ContactMerged':
      return { ...state, status: 'merged', survivorId: event.data.survivorId };
    case 'ContactErased':
      // Keep only what is needed to refuse further commands: no personal data survives in state.
      return { ...initialState(), status: 'erased', contactId: state.contactId };
  }
}

export const contactDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  initialState,
  evolve,
  decide,
};
