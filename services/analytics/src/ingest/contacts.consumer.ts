/**
 * crm.contacts.v1 into analytics: demographics and lifecycle (customers), merges (the survivor
 * inherits the duplicate's history) and erasures (every row about the person deleted, the id
 * marked gone so nothing late revives them). Runs in the inbox transaction; the contact state
 * topic is read by the same group (contact-state.consumer.ts) with the order rules of
 * record-marks.ts.
 */
import {
  ContactArchived,
  ContactDetailsChanged,
  ContactErased,
  ContactMerged,
  ContactRegistered,
  ContactRestored,
  type ContactErasedV1,
  type ContactMergedV1,
  type ContactRegisteredV1,
} from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { refreshCustomerStats } from './customer-stats';
import { customerPatch, wholeCustomer } from './customer-profile';
import { upsertCustomer } from './customers-writer';
import { INGEST_CONSUMER } from './ingest-consumer';
import { erasePerson, mergePerson } from './person-history';
import { admitEvent, markGone, ownerOf } from './record-marks';
import { lockRecords } from './record-locks';

@Controller()
export class ContactsIngestConsumer {
  @EventPattern([ContactRegistered.type, ContactDetailsChanged.type], INGEST_CONSUMER)
  async profile(event: ReceivedIntegrationEvent<ContactRegisteredV1>, tx: PoolClient) {
    const d = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [d.contactId]);
    if (!(await admitEvent(tx, tenant, 'contact', d.contactId, event.time))) return;
    const registration = event.type === ContactRegistered.type;
    await upsertCustomer(
      tx,
      tenant,
      d.contactId,
      registration ? wholeCustomer(d) : customerPatch(d),
      event.time,
      registration ? event.time : undefined,
    );
  }

  @EventPattern([ContactArchived.type, ContactRestored.type], INGEST_CONSUMER)
  async archival(event: ReceivedIntegrationEvent<{ contactId: string }>, tx: PoolClient) {
    const { contactId } = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [contactId]);
    if (!(await admitEvent(tx, tenant, 'contact', contactId, event.time))) return;
    const status = event.type === ContactArchived.type ? 'archived' : 'active';
    await upsertCustomer(tx, tenant, contactId, { status }, event.time);
  }

  @EventPattern(ContactMerged.type, INGEST_CONSUMER)
  async merged(event: ReceivedIntegrationEvent<ContactMergedV1>, tx: PoolClient) {
    const { survivorId, duplicateId } = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [survivorId, duplicateId]);
    // The survivor may have been merged on (or erased) since: the history follows it.
    const heir = await ownerOf(tx, tenant, survivorId);
    await lockRecords(tx, 'contact', tenant, [heir]);
    await markGone(tx, tenant, 'contact', duplicateId, event.time, { mergedInto: survivorId });
    if (heir) {
      await mergePerson(tx, tenant, duplicateId, heir);
      await refreshCustomerStats(tx, tenant, [heir]);
    } else await erasePerson(tx, tenant, duplicateId);
  }

  @EventPattern(ContactErased.type, INGEST_CONSUMER)
  async erased(event: ReceivedIntegrationEvent<ContactErasedV1>, tx: PoolClient) {
    const { contactId } = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [contactId]);
    await markGone(tx, tenant, 'contact', contactId, event.time, { erased: true });
    await erasePerson(tx, tenant, contactId);
  }
}
