/**
 * crm.contacts.v1 `contact.erased`: the person's case texts are shredded. The contact's key in
 * `aftersales_keys` is erased (every subject, description and message body on the log now reads
 * back as ERASED, rebuilds included), and the read model's decrypted copies are overwritten in
 * the inbox transaction. The cases themselves remain (ids, codes, SLA, resolution). A redelivery
 * changes nothing.
 */
import { ContactErased, type ContactErasedV1 } from '@crm/contracts';
import { ERASED, type SubjectKeyStore } from '@crm/event-sourcing';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { SUBJECT_KEYS } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';

/** Its own consumer group (and inbox key), apart from the order feed. */
export const CONTACT_ERASURE: IntegrationEventPatternExtras = { consumer: 'aftersales.contacts' };

@Controller()
export class ContactErasureConsumer {
  constructor(@Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore) {}

  @EventPattern(ContactErased.type, CONTACT_ERASURE)
  async erased(event: ReceivedIntegrationEvent<ContactErasedV1>, tx: PoolClient): Promise<void> {
    const { tenant } = event;
    const { contactId } = event.data;
    await tx.query(
      `UPDATE ${S}.cases SET subject = $3, description = NULL WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId, ERASED],
    );
    await tx.query(
      `UPDATE ${S}.case_messages m SET body = $3
         FROM ${S}.cases c
        WHERE c.tenant = $1 AND c.contact_id = $2 AND m.tenant = c.tenant AND m.case_id = c.case_id`,
      [tenant, contactId, ERASED],
    );
    await this.keys.erase(tenant, contactId);
  }
}
