/**
 * Bootstraps sales' contact and company mirror from the contacts state topics
 * (`crm.contacts.contact.state.v1`, `crm.contacts.company.state.v1`): read from offset 0 they hold
 * every current contact and company, also those whose registration the event topic (bounded
 * retention) no longer has, so a sales database created later still knows them.
 *
 * Same consumer group as the event path (ContactReferencesConsumer), but another topic, so a state
 * and an event of one contact arrive in either order. Both end in the same row:
 * - a state applies only if its version is not below the last state's and its time (`ce_time`,
 *   the latest event it holds) not before the newest fact applied (`updated_at`); it records
 *   `state_version`/`state_at`, and events not after `state_at` are skipped (the state has them);
 * - a tombstone (erased or merged away: contacts does not say which) blanks the name and owner and
 *   marks the row `gone`, for good, like the erase path; it does not shred sales' own records:
 *   only `contact.erased` does (a merged-away duplicate's records are re-pointed, not erased).
 */
import { CompanyStateTopic, ContactStateTopic } from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { CONTACT_REFERENCES } from './contact-references.consumer';

/** The members of the contact state sales mirrors (the rest stays in contacts). */
interface ContactState {
  id: string;
  version: number;
  displayName: string;
  companyId?: string;
  ownerId?: string;
}

interface CompanyState {
  id: string;
  version: number;
  name: string;
}

@Controller()
export class ContactStateConsumer {
  @EventPattern(ContactStateTopic.type, CONTACT_REFERENCES)
  async mirrorContact(
    event: ReceivedIntegrationEvent<ContactState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const state = event.data;
    if (state === null) {
      await tx.query(
        `INSERT INTO ${S}.contact_directory AS c (tenant, contact_id, gone, state_at, updated_at) VALUES ($1, $2, true, $3, $3)
           ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = NULL, owner_id = NULL, gone = true,
             state_at = greatest(c.state_at, $3), updated_at = greatest(c.updated_at, $3)`,
        [event.tenant, event.subject, event.time],
      );
      return;
    }
    await tx.query(
      `INSERT INTO ${S}.contact_directory AS c
         (tenant, contact_id, display_name, company_id, owner_id, state_version, state_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = $3, company_id = $4, owner_id = $5,
         state_version = $6, state_at = $7, updated_at = $7
       WHERE NOT c.gone AND (c.state_version IS NULL OR $6 >= c.state_version) AND $7 >= c.updated_at`,
      [
        event.tenant,
        state.id,
        state.displayName,
        state.companyId ?? null,
        state.ownerId ?? null,
        state.version,
        event.time,
      ],
    );
  }

  @EventPattern(CompanyStateTopic.type, CONTACT_REFERENCES)
  async mirrorCompany(
    event: ReceivedIntegrationEvent<CompanyState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const state = event.data;
    if (state === null) {
      await tx.query(
        `INSERT INTO ${S}.company_directory AS c (tenant, company_id, gone, state_at, updated_at) VALUES ($1, $2, true, $3, $3)
           ON CONFLICT (tenant, company_id) DO UPDATE SET name = NULL, gone = true,
             state_at = greatest(c.state_at, $3), updated_at = greatest(c.updated_at, $3)`,
        [event.tenant, event.subject, event.time],
      );
      return;
    }
    await tx.query(
      `INSERT INTO ${S}.company_directory AS c (tenant, company_id, name, state_version, state_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (tenant, company_id) DO UPDATE SET name = $3, state_version = $4, state_at = $5, updated_at = $5
       WHERE NOT c.gone AND (c.state_version IS NULL OR $4 >= c.state_version)
         AND (c.updated_at IS NULL OR $5 >= c.updated_at)`,
      [event.tenant, state.id, state.name, state.version, event.time],
    );
  }
}
