/**
 * Domain events -> the public facts on `crm.contacts.v1`. Pure and deterministic (a replay maps
 * to the same drafts). Event-carried state: a registration carries the whole public state, every
 * change the new values of what it changed (lists whole, from the event's `after`). An event
 * recorded before it carried them, or replayed after its person's erase (shredded fields read
 * back as nothing), names its changed fields and carries only what is left: never personal data.
 */
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import { idOfStream, type RecordedEvent } from '@crm/event-sourcing';
import type { CompanyEvent } from '../companies/company.events';
import type { ConsentEvent } from '../consent/consent.events';
import { displayName } from '../contacts/contact';
import type { ContactEvent } from '../contacts/contact.events';
import { blankErasedFields } from '../infrastructure/erased-fields';
import { listValues, primaryValues } from './contact-public-values';
import type { InteractionEvent } from '../interactions/interaction.events';

const T = {
  registered: 'crm.contacts.contact.registered.v1',
  detailsChanged: 'crm.contacts.contact.details_changed.v1',
  consentChanged: 'crm.contacts.contact.consent_changed.v1',
  interactionLogged: 'crm.contacts.contact.interaction_logged.v1',
  interactionCorrected: 'crm.contacts.contact.interaction_corrected.v1',
  interactionDeleted: 'crm.contacts.contact.interaction_deleted.v1',
  merged: 'crm.contacts.contact.merged.v1',
  erased: 'crm.contacts.contact.erased.v1',
  archived: 'crm.contacts.contact.archived.v1',
  restored: 'crm.contacts.contact.restored.v1',
  companyRegistered: 'crm.contacts.company.registered.v1',
  companyDetailsChanged: 'crm.contacts.company.details_changed.v1',
  companyArchived: 'crm.contacts.company.archived.v1',
} as const;

type AnyEvent = ContactEvent | ConsentEvent | InteractionEvent | CompanyEvent;

/** A shredded name replays as an empty one; the contract needs some display name. */
function shownName(name: { given?: string; family?: string }): string {
  return displayName(name) || '[erased]';
}

export const contactsIntegrationMapper: IntegrationEventMapper = (recorded: RecordedEvent) => {
  const event = blankErasedFields({ type: recorded.type, data: recorded.data }) as AnyEvent;
  const at = recorded.metadata.occurredAt;
  const id = idOfStream(recorded.streamId);
  const changed = (
    subject: string,
    fields: string[],
    values: Record<string, unknown> = {},
  ): IntegrationEventDraft => ({
    type: T.detailsChanged,
    subject,
    data: { contactId: subject, changed: fields, ...values },
  });
  switch (event.type) {
    case 'ContactRegistered': {
      const d = event.data;
      return {
        type: T.registered,
        subject: id,
        data: {
          contactId: id,
          displayName: shownName(d.name),
          lifecycleStage: d.lifecycleStage,
          companyId: d.companyId ?? null,
          ownerId: d.ownerId ?? null,
          ...primaryValues(d),
          tags: d.tags,
          status: 'active',
          name: d.name,
          emails: d.emails,
          phones: d.phones,
          addresses: d.addresses,
          bestTimeToCall: d.bestTimeToCall ?? null,
          preferredChannel: d.preferredChannel ?? null,
          demographics: d.demographics ?? null,
          customFields: d.customFields,
        },
      };
    }
    case 'ContactDetailsChanged': {
      const { contactId: _subject, ...changes } = event.data;
      return changed(id, Object.keys(changes), {
        ...changes,
        ...(changes.name ? { displayName: shownName(changes.name) } : {}),
      });
    }
    case 'ContactOwnerAssigned':
      return changed(id, ['ownerId'], { ownerId: event.data.ownerId });
    case 'ContactCompanyLinked':
      return changed(id, ['companyId'], { companyId: event.data.companyId });
    case 'ContactLifecycleStageChanged':
      return changed(id, ['lifecycleStage'], { lifecycleStage: event.data.to });
    case 'ContactEmailAdded':
      // Before `after` existed an added primary still named the new primary address.
      return changed(
        id,
        ['emails'],
        event.data.after
          ? listValues(event.data.after, ['emails'])
          : event.data.primary && event.data.address
            ? { primaryEmail: event.data.address }
            : {},
      );
    case 'ContactPhoneAdded':
      return changed(
        id,
        ['phones'],
        event.data.after
          ? listValues(event.data.after, ['phones'])
          : event.data.primary && event.data.number
            ? { primaryPhone: event.data.number }
            : {},
      );
    case 'ContactEmailRemoved':
      return changed(id, ['emails'], listValues(event.data.after, ['emails']));
    case 'ContactPhoneRemoved':
      return changed(id, ['phones'], listValues(event.data.after, ['phones']));
    case 'ContactAddressAdded':
    case 'ContactAddressRemoved':
      return changed(id, ['addresses'], listValues(event.data.after, ['addresses']));
    case 'ContactTagged':
    case 'ContactUntagged':
      return changed(id, ['tags'], listValues(event.data.after, ['tags']));
    case 'ContactCustomFieldsChanged':
      return changed(id, ['customFields'], listValues(event.data.after, ['customFields']));
    case 'ContactRestored':
      // v1 consumers learnt of a restore from details_changed(status); they still do, with it.
      return [
        {
          type: T.restored,
          subject: id,
          data: { contactId: id, restoredAt: at, status: 'active' },
        },
        changed(id, ['status'], { status: 'active' }),
      ];
    case 'ContactDuplicateAbsorbed': {
      // The survivor's resulting values: its whole lists, and the single values it took over.
      const d = event.data;
      const lists = (['emails', 'phones', 'addresses', 'tags', 'customFields'] as const).filter(
        (list) => Object.keys(d[list]).length > 0,
      );
      const { name, ...filled } = d.filled;
      const fields = [...lists, ...Object.keys(d.filled)];
      if (!fields.length) return null;
      return changed(id, fields, {
        ...listValues(d.after, lists),
        ...filled,
        ...(name ? { name, displayName: shownName(name) } : {}),
      });
    }
    case 'ContactArchived':
      return {
        type: T.archived,
        subject: id,
        data: { contactId: id, archivedAt: at, status: 'archived' },
      };
    case 'ContactMerged':
      return {
        type: T.merged,
        subject: event.data.survivorId,
        data: { survivorId: event.data.survivorId, duplicateId: id, mergedAt: at },
      };
    case 'ContactErased':
      return {
        type: T.erased,
        subject: id,
        data: { contactId: id, erasedAt: event.data.erasedAt },
      };
    case 'ConsentGranted':
    case 'ConsentWithdrawn': {
      const d = event.data;
      return {
        type: T.consentChanged,
        subject: d.contactId,
        data: {
          contactId: d.contactId,
          channel: d.channel,
          status: event.type === 'ConsentGranted' ? 'granted' : 'withdrawn',
          // A withdrawal records no lawful basis (REST shows none either).
          legalBasis: event.type === 'ConsentGranted' ? event.data.legalBasis : null,
          source: d.source,
          changedAt: d.at,
        },
      };
    }
    case 'InteractionLogged': {
      const d = event.data;
      return d.contactIds.map((contactId) => ({
        type: T.interactionLogged,
        subject: contactId,
        data: {
          contactId,
          interactionId: d.interactionId,
          kind: d.kind,
          // Omitted rather than null: the published enum schema does not admit null.
          ...(d.direction ? { direction: d.direction } : {}),
          occurredAt: d.occurredAt,
          userId: d.userId ?? null,
          subject: d.subject ?? null,
        },
      }));
    }
    case 'InteractionCorrected': {
      // The corrected values in exactly the members the log publishes, plus what changed.
      const { changed: fields, ...record } = event.data;
      const asLogged = contactsIntegrationMapper({
        ...recorded,
        type: 'InteractionLogged',
        data: record,
      });
      return (asLogged as IntegrationEventDraft[]).map((fact) => ({
        ...fact,
        type: T.interactionCorrected,
        data: { ...(fact.data as object), changed: fields },
      }));
    }
    case 'InteractionDeleted':
      return event.data.contactIds.map((contactId) => ({
        type: T.interactionDeleted,
        subject: contactId,
        data: { contactId, interactionId: event.data.interactionId, deletedAt: at },
      }));
    case 'InteractionContactReassigned':
    case 'InteractionRedacted':
      return null;
    case 'CompanyRegistered': {
      const d = event.data;
      return {
        type: T.companyRegistered,
        subject: id,
        data: {
          companyId: id,
          name: d.name,
          domain: d.domain ?? null,
          industry: d.industry ?? null,
          sizeBand: d.sizeBand ?? null,
          parentCompanyId: d.parentCompanyId ?? null,
          addresses: d.addresses,
          status: 'active',
        },
      };
    }
    case 'CompanyDetailsChanged':
      return {
        type: T.companyDetailsChanged,
        subject: id,
        data: { companyId: id, changed: Object.keys(event.data), ...event.data },
      };
    case 'CompanyParentChanged':
      return {
        type: T.companyDetailsChanged,
        subject: id,
        data: {
          companyId: id,
          changed: ['parentCompanyId'],
          parentCompanyId: event.data.parentCompanyId,
        },
      };
    case 'CompanyAddressAdded':
    case 'CompanyAddressRemoved':
      return {
        type: T.companyDetailsChanged,
        subject: id,
        data: {
          companyId: id,
          changed: ['addresses'],
          ...(event.data.after ? { addresses: event.data.after.addresses } : {}),
        },
      };
    case 'CompanyArchived':
      // As for a restore: the details_changed(status) v1 consumers know stays, with the status.
      return [
        {
          type: T.companyArchived,
          subject: id,
          data: { companyId: id, archivedAt: at, status: 'archived' },
        },
        {
          type: T.companyDetailsChanged,
          subject: id,
          data: { companyId: id, changed: ['status'], status: 'archived' },
        },
      ];
    default:
      return null; // custom field catalogue and future internal events stay internal
  }
};
