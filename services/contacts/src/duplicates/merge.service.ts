/**
 * merge(survivor, duplicate): the survivor absorbs the duplicate's details and tags, adopts its
 * stricter consent, takes its place in its interactions; then the duplicate is marked merged (its
 * id resolves to the survivor from then on). Each step is idempotent and the duplicate is marked
 * last, so a merge interrupted half-way is completed by simply repeating it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, AggregateCommands, type CommandCaller } from '@crm/platform';
import type { Pool } from 'pg';
import { consentDecider } from '../consent/consent.decider';
import { consentStreamId } from '../consent/consent.service';
import { contactDecider, type ContactState } from '../contacts/contact.decider';
import { contactStreamId } from '../contacts/contact-view';
import { interactionDecider } from '../interactions/interaction.decider';
import { interactionIdsOf } from './interactions-of-contact';
import { ContactErrors } from '../contacts/contact.errors';

@Injectable()
export class MergeService {
  constructor(
    private readonly aggregates: AggregateCommands,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async merge(
    caller: CommandCaller,
    survivorId: string,
    duplicateId: string,
  ): Promise<{ state: ContactState; version: number }> {
    survivorId = survivorId.toLowerCase();
    duplicateId = duplicateId.toLowerCase();
    if (survivorId === duplicateId) {
      throw ContactErrors.cannotMergeIntoItself('duplicateId');
    }
    const { tenant } = caller;
    const duplicate = await this.aggregates.load(
      contactDecider,
      tenant,
      contactStreamId(duplicateId),
    );
    if (duplicate.state.status === 'unregistered') {
      throw ContactErrors.contactNotFound(duplicateId);
    }
    if (duplicate.state.status === 'merged' && duplicate.state.survivorId !== survivorId) {
      throw ContactErrors.contactAlreadyMerged(duplicate.state.survivorId, duplicateId);
    }
    if (duplicate.state.status === 'erased') throw ContactErrors.contactErased(duplicateId);

    const { state: dup } = duplicate;
    const absorbed = await this.aggregates.execute(
      contactDecider,
      contactStreamId(survivorId),
      {
        type: 'AbsorbDuplicate',
        data: {
          duplicateId,
          duplicate: {
            name: dup.name,
            emails: dup.emails,
            phones: dup.phones,
            addresses: dup.addresses,
            bestTimeToCall: dup.bestTimeToCall,
            preferredChannel: dup.preferredChannel,
            demographics: dup.demographics,
            tags: dup.tags,
            customFields: dup.customFields,
            ownerId: dup.ownerId,
            companyId: dup.companyId,
          },
        },
      },
      caller,
    );

    const dupConsent = await this.aggregates.load(
      consentDecider,
      tenant,
      consentStreamId(duplicateId),
    );
    await this.aggregates.execute(
      consentDecider,
      consentStreamId(survivorId),
      {
        type: 'AdoptDuplicateConsent',
        data: { contactId: survivorId, duplicateId, duplicateConsents: dupConsent.state.channels },
      },
      { tenant, actor: caller.actor },
    );

    for (const interactionId of await interactionIdsOf(this.pool, tenant, duplicateId)) {
      await this.aggregates.execute(
        interactionDecider,
        `interaction-${interactionId}`,
        { type: 'ReassignInteractionContact', data: { from: duplicateId, to: survivorId } },
        { tenant, actor: caller.actor },
      );
    }

    if (dup.status !== 'merged') {
      await this.aggregates.execute(
        contactDecider,
        contactStreamId(duplicateId),
        { type: 'MarkContactMerged', data: { survivorId } },
        { tenant, actor: caller.actor },
      );
    }
    return { state: absorbed.state, version: absorbed.nextExpectedVersion };
  }
}
