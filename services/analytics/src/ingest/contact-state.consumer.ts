/**
 * Bootstraps customers from the contact state topic (`crm.contacts.contact.state.v1`): read
 * from offset 0 it holds every current contact, also those whose events crm.contacts.v1 (bounded
 * retention) no longer has. A state applies under the rules of record-marks.ts; a tombstone
 * (erased or merged away: contacts does not say which) deletes the person's rows and marks the
 * id gone. A merge's event, when it comes, names the survivor; the orders sales re-points to it
 * come back on the order state topic.
 */
import { ContactStateTopic } from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { wholeCustomer } from './customer-profile';
import { upsertCustomer } from './customers-writer';
import { INGEST_CONSUMER } from './ingest-consumer';
import { erasePerson } from './person-history';
import { admitState, markGone } from './record-marks';
import { lockRecords } from './record-locks';

type ContactState = Parameters<typeof wholeCustomer>[0] & {
  id: string;
  version: number;
  createdAt?: string;
};

@Controller()
export class ContactStateIngestConsumer {
  @EventPattern(ContactStateTopic.type, INGEST_CONSUMER)
  async contactState(event: ReceivedIntegrationEvent<ContactState | null>, tx: PoolClient) {
    const tenant = event.tenant;
    const state = event.data;
    const contactId = state?.id ?? event.subject;
    await lockRecords(tx, 'contact', tenant, [contactId]);
    if (state === null) {
      await markGone(tx, tenant, 'contact', contactId, event.time);
      await erasePerson(tx, tenant, contactId);
      return;
    }
    if (!(await admitState(tx, tenant, 'contact', contactId, state.version, event.time))) return;
    await upsertCustomer(
      tx,
      tenant,
      contactId,
      wholeCustomer(state),
      event.time,
      state.createdAt ?? null,
    );
  }
}
