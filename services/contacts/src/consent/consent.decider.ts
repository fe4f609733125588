/**
 * Consent per channel for one contact. Invariants: every grant names a lawful basis and a source;
 * every decision is dated no later than now (beyond the clock skew), even one that changes nothing;
 * repeating the current decision records nothing; a withdrawal is recorded even for a channel
 * never granted (it is a standing opt-out); on merge the stricter decision wins.
 */
import type { Decider } from '@crm/event-sourcing';
import { parseInstant, parseOneOf, parseOptionalText, parseText } from '@crm/values';
import { CONTACT_CHANNELS, type ContactChannel } from '../contacts/contact';
import { LEGAL_BASES, type ConsentByChannel } from './consent';
import type { ConsentCommand } from './consent.commands';
import { ConsentErrors } from './consent.errors';
import type { ConsentEvent } from './consent.events';
import { isInFuture } from '../shared/future-instant';

export interface ConsentState {
  readonly channels: ConsentByChannel;
}

/** A decision is dated when the person made it: a valid instant, not in the future. */
function parseDecidedAt(decidedAt: string, now: string): string {
  const at = parseInstant(decidedAt, 'decidedAt');
  if (isInFuture(at, now)) throw ConsentErrors.consentDecidedInFuture();
  return at;
}

function decide(command: ConsentCommand, state: ConsentState): ConsentEvent[] {
  switch (command.type) {
    case 'GrantConsent': {
      const d = command.data;
      const channel = parseOneOf(d.channel, CONTACT_CHANNELS, 'channel');
      const legalBasis = parseOneOf(d.legalBasis, LEGAL_BASES, 'legalBasis');
      // Checked before the no-op test: a repeated grant with a bad date is still a bad request.
      const at = parseDecidedAt(d.decidedAt, d.now);
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
            at,
          },
        },
      ];
    }
    case 'WithdrawConsent': {
      const d = command.data;
      const channel = parseOneOf(d.channel, CONTACT_CHANNELS, 'channel');
      const at = parseDecidedAt(d.decidedAt, d.now);
      if (state.channels[channel]?.status === 'withdrawn') return [];
      const reason = parseOptionalText(d.reason, 'reason', 500);
      return [
        {
          type: 'ConsentWithdrawn',
          data: {
            contactId: d.contactId,
            channel,
            source: parseText(d.source, 'source', 200),
            at,
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
