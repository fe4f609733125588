/**
 * What campaigns does with crm.contacts.v1: keeps each person's profile, demographics and
 * consent on audience_contacts; a merge hands the duplicate's purchase history and deals to the
 * survivor and drops the duplicate; an erasure deletes the person from every audience table
 * (nothing personal is kept: only the id stays in audience_contact_marks, so nothing revives it).
 * Every change queues the contact for re-evaluation (audience-changes.ts).
 *
 * Runs inside the inbox transaction (a redelivery finds its inbox row and changes nothing); the
 * contact state topic is read by the same group (contact-state-audience.consumer.ts), and an
 * event the applied state already holds is skipped. `updated_at` is the event's own time.
 */
import {
  ContactArchived,
  ContactConsentChanged,
  ContactDetailsChanged,
  ContactErased,
  ContactMerged,
  ContactRegistered,
  ContactRestored,
  type ContactConsentChangedV1,
  type ContactErasedV1,
  type ContactMergedV1,
  type ContactRegisteredV1,
} from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, type Clock } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { queueAudienceChange } from './audience-changes';
import { AUDIENCE_CONSUMER } from './audience-consumer';
import { upsertAudienceContact, type ContactWrite } from './audience-contacts';
import { lockRecords } from './audience-locks';
import { profilePatch, wholeProfile } from './contact-profile';
import {
  contactMark,
  eventIsStale,
  markContactFact,
  markContactGone,
  ownerOf,
} from './contact-marks';
import { deletePerson, recomputePurchaseSummary, repointHistory } from './purchase-history';

@Controller()
export class ContactsAudienceConsumer {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern([ContactRegistered.type, ContactDetailsChanged.type], AUDIENCE_CONSUMER)
  async profile(event: ReceivedIntegrationEvent<ContactRegisteredV1>, tx: PoolClient) {
    const d = event.data;
    const registration = event.type === ContactRegistered.type;
    await this.applyFact(event, tx, d.contactId, {
      profile: registration ? wholeProfile(d) : profilePatch(d),
      ...(registration ? { registeredAt: event.time } : {}),
      at: event.time,
    });
  }

  @EventPattern(ContactConsentChanged.type, AUDIENCE_CONSUMER)
  async consent(event: ReceivedIntegrationEvent<ContactConsentChangedV1>, tx: PoolClient) {
    const d = event.data;
    await this.applyFact(event, tx, d.contactId, {
      profile: {},
      consentChange: { channel: d.channel, status: d.status },
      at: event.time,
    });
  }

  @EventPattern([ContactArchived.type, ContactRestored.type], AUDIENCE_CONSUMER)
  async archival(event: ReceivedIntegrationEvent<{ contactId: string }>, tx: PoolClient) {
    const status = event.type === ContactArchived.type ? 'archived' : 'active';
    await this.applyFact(event, tx, event.data.contactId, { profile: { status }, at: event.time });
  }

  @EventPattern(ContactMerged.type, AUDIENCE_CONSUMER)
  async merged(event: ReceivedIntegrationEvent<ContactMergedV1>, tx: PoolClient) {
    const { survivorId, duplicateId } = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [survivorId, duplicateId]);
    // The survivor itself may have been merged on (or erased) since: the history follows it.
    const heir = await ownerOf(tx, tenant, survivorId);
    await lockRecords(tx, 'contact', tenant, [heir]);
    await markContactGone(tx, tenant, duplicateId, event.time, { mergedInto: survivorId });
    if (heir) await repointHistory(tx, tenant, duplicateId, heir);
    await deletePerson(tx, tenant, duplicateId);
    if (heir) await recomputePurchaseSummary(tx, tenant, heir);
    const now = this.clock.now();
    await queueAudienceChange(tx, tenant, [duplicateId], now, { mergedInto: survivorId });
    await queueAudienceChange(tx, tenant, [survivorId, ...(heir ? [heir] : [])], now);
  }

  @EventPattern(ContactErased.type, AUDIENCE_CONSUMER)
  async erased(event: ReceivedIntegrationEvent<ContactErasedV1>, tx: PoolClient) {
    const { contactId } = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [contactId]);
    await markContactGone(tx, tenant, contactId, event.time, { erased: true });
    await deletePerson(tx, tenant, contactId);
    await queueAudienceChange(tx, tenant, [contactId], this.clock.now(), { erased: true });
  }

  /** A profile or consent fact, unless the contact is gone or the applied state holds it. */
  private async applyFact(
    event: ReceivedIntegrationEvent,
    tx: PoolClient,
    contactId: string,
    write: ContactWrite,
  ): Promise<void> {
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [contactId]);
    if (eventIsStale(await contactMark(tx, tenant, contactId), event.time)) return;
    await upsertAudienceContact(tx, tenant, contactId, write);
    await markContactFact(tx, tenant, contactId, event.time);
    // Orders placed before the registration reached campaigns are waiting for the row.
    await recomputePurchaseSummary(tx, tenant, contactId);
    await queueAudienceChange(tx, tenant, [contactId], this.clock.now());
  }
}
