/**
 * Bootstraps the audience from the contact state topic (`crm.contacts.contact.state.v1`): read
 * from offset 0 it holds every current contact with its consent, also those whose events the
 * event topic (bounded retention) no longer has, so a campaigns database created later still
 * knows everyone. Same consumer group as the event path, another topic: a state and an event
 * of one contact arrive in either order and end in the same row, as in sales' contact directory:
 * - a state applies only if its version is not below the last state's and its time (`ce_time`,
 *   the latest fact it holds) not before the newest fact applied; it records state_version and
 *   state_at, and events not after state_at are skipped (contacts-audience.consumer.ts);
 * - a tombstone (erased or merged away: contacts does not say which) deletes the person from
 *   every audience table and marks the id gone for good. A merge's event, when it comes, names
 *   the survivor; the orders sales re-points to it come back on the order state topic.
 */
import { ContactStateTopic } from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, type Clock } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { queueAudienceChange } from './audience-changes';
import { AUDIENCE_CONSUMER } from './audience-consumer';
import { upsertAudienceContact } from './audience-contacts';
import { lockRecords } from './audience-locks';
import { consentOfState, wholeProfile } from './contact-profile';
import { contactMark } from './contact-marks';
import { deletePerson, recomputePurchaseSummary } from './purchase-history';

/** The members of the contact state campaigns reads (GET /contacts/{id} plus consent). */
type ContactState = Parameters<typeof wholeProfile>[0] & {
  id: string;
  version: number;
  createdAt?: string;
  consent?: Record<string, { status?: string }>;
};

@Controller()
export class ContactStateAudienceConsumer {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(ContactStateTopic.type, AUDIENCE_CONSUMER)
  async contactState(
    event: ReceivedIntegrationEvent<ContactState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const tenant = event.tenant;
    const contactId = event.data?.id ?? event.subject;
    await lockRecords(tx, 'contact', tenant, [contactId]);
    const mark = await contactMark(tx, tenant, contactId);
    const state = event.data;
    if (state === null) {
      await tx.query(
        `INSERT INTO ${S}.audience_contact_marks AS m (tenant, contact_id, gone, state_at, fact_at)
           VALUES ($1, $2, true, $3, $3)
         ON CONFLICT (tenant, contact_id) DO UPDATE SET gone = true,
           state_at = greatest(m.state_at, EXCLUDED.state_at), fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
        [tenant, contactId, event.time],
      );
      await deletePerson(tx, tenant, contactId);
      await queueAudienceChange(tx, tenant, [contactId], this.clock.now());
      return;
    }
    if (mark?.gone) return;
    if (mark?.stateVersion != null && state.version < mark.stateVersion) return;
    if (mark?.factAt && new Date(event.time).getTime() < mark.factAt.getTime()) return;
    await upsertAudienceContact(tx, tenant, contactId, {
      profile: wholeProfile(state),
      consent: consentOfState(state.consent),
      registeredAt: state.createdAt ?? null,
      at: event.time,
    });
    await tx.query(
      `INSERT INTO ${S}.audience_contact_marks AS m (tenant, contact_id, state_version, state_at, fact_at)
         VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (tenant, contact_id) DO UPDATE SET state_version = EXCLUDED.state_version,
         state_at = EXCLUDED.state_at, fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
      [tenant, contactId, state.version, event.time],
    );
    await recomputePurchaseSummary(tx, tenant, contactId);
    await queueAudienceChange(tx, tenant, [contactId], this.clock.now());
  }
}
