/**
 * Consent per channel for one contact. Invariants: every grant names a lawful basis and a source;
 * repeating the current decision records nothing; a withdrawal is recorded even for a channel
 * never granted (it is a standing opt-out); on merge the stricter decision wins.
 */
import type { Decider } from '@crm/event-sourcing';
import { parseInstant, parseOneOf, parseOptionalText, parseText } from '@crm/values';
import { CONTACT_CHANNELS, type ContactChannel } from '../contacts/contact';
import { LEGAL_BASES, type ConsentByChannel } from './consent';
import type { ConsentCommand } from './consent.commands';
import type { ConsentEvent } from './consent.events';

export interface ConsentState {
  readonly channels: ConsentByChannel;
}

function decide(command: ConsentCommand, state: ConsentState): ConsentEvent[] {
  switch (command.type) {
    case 'GrantConsent': {
      const d = command.data;
      const channel = parseOneOf(d.channel, CONTACT_CHANNELS, 'channel');
      const legalBasis = parseOneOf(d.legalBasis, LEGAL_BASES, 'legalBasis');
      const current = state.channels[channel];
      if (current?.status === 'granted' && current.legalBasis === legalBasis) return [];
      return [
        {
          type: 'ConsentGranted',
          data: {
            contactId: d.contactId,
            channel,
            legalBasis,
            source: parseText(d.source, 'source', 200),
            at: parseInstant(d.at, 'at'),
          },
        },
      ];
    }
    case 'WithdrawConsent': {
      const d = command.data;
      const channel = parseOneOf(d.channel, CONTACT_CHANNELS, 'channel');
      if (state.channels[channel]?.status === 'withdrawn') return [];
      const reason = parseOptionalText(d.reason, 'reason', 500);
      return [
        {
          type: 'ConsentWithdrawn',
          data: {
            contactId: d.contactId,
            channel,
            source: parseText(d.source, 'source', 200),
            at: parseInstant(d.at, 'at'),
            ...(reason ? { reason } : {}),
          },
        },
      ];
    }
    case 'AdoptDuplicateConsent': {
      const { contactId, duplicateId, duplicateConsents } = command.data;
      const source = `merge:${duplicateId}`;
      const events: ConsentEvent[] = [];
      for (const channel of CONTACT_CHANNELS) {
        const theirs = duplicateConsents[channel];
        const ours = state.channels[channel];
        if (!theirs || ours?.status === 'withdrawn') continue;
        if (theirs.status === 'withdrawn') {
          events.push({
            type: 'ConsentWithdrawn',
            data: { contactId, channel, source, at: theirs.at },
          });
        } else if (!ours && theirs.legalBasis) {
          // The same person did grant it; no decision on the survivor is not a stricter decision.
          events.push({
            type: 'ConsentGranted',
            data: { contactId, channel, legalBasis: theirs.legalBasis, source, at: theirs.at },
          });
        }
      }
      return events;
    }
  }
}

function evolve(state: ConsentState, event: ConsentEvent): ConsentState {
  const channel: ContactChannel = event.data.channel;
  switch (event.type) {
    case 'ConsentGranted':
      return {
        channels: {
          ...state.channels,
          [channel]: {
            status: 'granted',
            legalBasis: event.data.legalBasis,
            source: event.data.source,
            at: event.data.at,
          },
        },
      };
    case 'ConsentWithdrawn':
      return {
        channels: {
          ...state.channels,
          [channel]: { status: 'withdrawn', source: event.data.source, at: event.data.at },
        },
      };
  }
}

export const consentDecider: Decider<ConsentCommand, ConsentEvent, ConsentState> = {
  initialState: () => ({ channels: {} }),
  evolve,
  decide,
};
