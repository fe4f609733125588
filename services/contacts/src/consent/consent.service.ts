/**
 * Consent decisions for a contact. The contact must exist and be neither merged nor erased; the
 * decision itself is the consent decider's. Staff and the customer touchpoint both come here.
 */
import { idOfStream, streamIdOf } from '@crm/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import { AggregateCommands, CLOCK, isoNow, type Clock, type CommandCaller } from '@crm/platform';
import { parseOneOf } from '@crm/values';
import { CONTACT_CHANNELS, type ContactChannel } from '../contacts/contact';
import { contactDecider } from '../contacts/contact.decider';
import { contactStreamId } from '../contacts/contact-view';
import { mayContact, type LegalBasis } from './consent';
import type { ConsentCommand } from './consent.commands';
import { consentDecider } from './consent.decider';
import type { ConsentEvent } from './consent.events';
import type { ConsentView } from './consent.dto';
import { ContactErrors } from '../contacts/contact.errors';

export interface ConsentDecision {
  readonly status: 'granted' | 'withdrawn';
  readonly legalBasis?: LegalBasis;
  readonly source: string;
  readonly reason?: string;
  readonly at: string;
}

export function consentStreamId(contactId: string): string {
  return streamIdOf('consent', idOfStream(contactStreamId(contactId)));
}

@Injectable()
export class ConsentService {
  constructor(
    private readonly aggregates: AggregateCommands,
    // The now a decision may not be later than: the one the controllers default `at` to.
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async decide(
    caller: CommandCaller,
    contactId: string,
    rawChannel: string,
    decision: ConsentDecision,
  ): Promise<ConsentView> {
    await this.assertContactAcceptsConsent(caller.tenant, contactId);
    const channel = parseOneOf(rawChannel, CONTACT_CHANNELS, 'channel');
    const command: ConsentCommand =
      decision.status === 'granted'
        ? {
            type: 'GrantConsent',
            data: {
              contactId,
              channel,
              legalBasis: decision.legalBasis as LegalBasis,
              source: decision.source,
              decidedAt: decision.at,
              now: isoNow(this.clock),
            },
          }
        : {
            type: 'WithdrawConsent',
            data: {
              contactId,
              channel,
              source: decision.source,
              decidedAt: decision.at,
              now: isoNow(this.clock),
              reason: decision.reason,
            },
          };
    await this.aggregates.execute(consentDecider, consentStreamId(contactId), command, caller);
    return this.view(caller.tenant, contactId);
  }

  async view(tenant: string, contactId: string): Promise<ConsentView> {
    const { events, version } = await this.aggregates.store.readStream({
      tenant,
      id: consentStreamId(contactId),
    });
    const domain = events.map((e) => ({ type: e.type, data: e.data }) as ConsentEvent);
    const state = domain.reduce(consentDecider.evolve, consentDecider.initialState());
    return {
      contactId,
      version,
      channels: state.channels as ConsentView['channels'],
      contactable: CONTACT_CHANNELS.filter((c: ContactChannel) => mayContact(state.channels, c)),
      history: domain.map(({ type, data }) => ({
        channel: data.channel,
        status: type === 'ConsentGranted' ? 'granted' : 'withdrawn',
        ...(type === 'ConsentGranted' ? { legalBasis: data.legalBasis } : {}),
        source: data.source,
        at: data.at,
      })),
    };
  }

  async assertContactAcceptsConsent(tenant: string, contactId: string): Promise<void> {
    const { state } = await this.aggregates.load(
      contactDecider,
      tenant,
      contactStreamId(contactId),
    );
    if (state.status === 'unregistered') throw ContactErrors.contactNotFound();
    if (state.status === 'erased') throw ContactErrors.contactErased();
    if (state.status === 'merged') throw ContactErrors.contactAlreadyMerged(state.survivorId);
  }
}
