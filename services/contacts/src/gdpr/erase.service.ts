/**
 * GDPR erasure. Order matters for a safe retry: first the person leaves every interaction
 * (redaction events), then ContactErased is appended (read models delete their rows, the relay
 * publishes contact.erased), and last the subject keys are destroyed, which shreds every
 * personal field in every copy of the log. Repeating an erase finishes whatever was left undone.
 */
import { type SubjectKeyStore } from '@crm/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import {
  PG_POOL,
  AggregateCommands,
  CLOCK,
  isoNow,
  type Clock,
  type CommandCaller,
  SUBJECT_KEYS,
} from '@crm/platform';
import type { Pool } from 'pg';
import { contactDecider } from '../contacts/contact.decider';
import { contactStreamId } from '../contacts/contact-view';
import { interactionIdsOf } from '../duplicates/interactions-of-contact';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { interactionDecider } from '../interactions/interaction.decider';
import { ContactErrors } from '../contacts/contact.errors';

@Injectable()
export class EraseService {
  constructor(
    private readonly aggregates: AggregateCommands,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Idempotency-Key replays keep response bodies (names, emails) for a day: keep only the id, so
   * a replay still answers, but nothing personal survives the erasure there either.
   */
  private async forgetStoredResponses(tenant: string, contactId: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${CONTACTS_SCHEMA}.idempotency_keys SET response_body = jsonb_build_object('id', $2::text, 'erased', true)
        WHERE tenant = $1 AND response_body::text LIKE '%' || $2 || '%'`,
      [tenant, contactId],
    );
  }

  /** Returns the ids erased: the contact and every duplicate merged into it (the same person). */
  async erase(caller: CommandCaller, rawContactId: string): Promise<string[]> {
    const contactId = rawContactId.toLowerCase();
    const { state } = await this.aggregates.load(
      contactDecider,
      caller.tenant,
      contactStreamId(contactId),
    );
    if (state.status === 'unregistered') throw ContactErrors.contactNotFound();
    const subjects = [contactId, ...state.absorbed];
    const erasedAt = isoNow(this.clock);
    for (const subject of subjects) {
      for (const interactionId of await interactionIdsOf(this.pool, caller.tenant, subject)) {
        await this.aggregates.execute(
          interactionDecider,
          `interaction-${interactionId}`,
          { type: 'RedactInteraction', data: { contactId: subject } },
          { tenant: caller.tenant, actor: caller.actor },
        );
      }
      await this.aggregates.execute(
        contactDecider,
        contactStreamId(subject),
        { type: 'EraseContact', data: { erasedAt } },
        {
          tenant: caller.tenant,
          actor: caller.actor,
        },
      );
      await this.keys.erase(caller.tenant, subject);
      await this.forgetStoredResponses(caller.tenant, subject);
    }
    return subjects;
  }
}
