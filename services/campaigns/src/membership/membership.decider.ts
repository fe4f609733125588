/**
 * One contact's segment memberships as a pure decider. The engine evaluates and says which
 * segments the contact matches now; the decider appends joins and leaves for the difference only,
 * so a redelivered change or a re-evaluation with the same outcome appends nothing. A member that
 * still matches a changed rule through other parts gets its new reasons (once per rule version).
 * An erased or merged-away contact leaves everything and joins nothing afterwards.
 */
import type { Decider } from '@crm/event-sourcing';
import type { MembershipCommand, SegmentVerdict } from './membership.commands';
import type {
  MatchReason,
  MembershipEvent,
  SegmentKindOfMembership,
  SegmentMemberLeft,
} from './membership.events';

export interface Membership {
  readonly segmentId: string;
  readonly segmentName: string;
  readonly kind: SegmentKindOfMembership;
  readonly ruleVersion: number;
  readonly joinedAt: string;
  readonly why: readonly MatchReason[];
}

export interface MembershipState {
  /** Current memberships by segment id. */
  readonly segments: Readonly<Record<string, Membership>>;
  /** Set once the contact was erased or merged away. */
  readonly closed?: {
    readonly reason: 'contact_erased' | 'merged_away';
    readonly mergedInto?: string;
  };
}

export const initialMembershipState = (): MembershipState => ({ segments: {} });

export function evolveMembership(state: MembershipState, event: MembershipEvent): MembershipState {
  switch (event.type) {
    case 'SegmentMemberJoined': {
      const d = event.data;
      return {
        ...state,
        segments: {
          ...state.segments,
          [d.segmentId]: {
            segmentId: d.segmentId,
            segmentName: d.segmentName,
            kind: d.kind,
            ruleVersion: d.ruleVersion,
            joinedAt: d.at,
            why: d.why,
          },
        },
      };
    }
    case 'SegmentMemberLeft': {
      const { [event.data.segmentId]: _left, ...rest } = state.segments;
      return { ...state, segments: rest };
    }
    case 'SegmentMemberReasonsChanged': {
      const current = state.segments[event.data.segmentId];
      if (!current) return state;
      return {
        ...state,
        segments: {
          ...state.segments,
          [event.data.segmentId]: {
            ...current,
            ruleVersion: event.data.ruleVersion,
            why: event.data.why,
          },
        },
      };
    }
    case 'MembershipsClosed':
      return {
        ...state,
        closed: {
          reason: event.data.reason,
          ...(event.data.mergedInto ? { mergedInto: event.data.mergedInto } : {}),
        },
      };
  }
}

function leave(
  contactId: string,
  membership: Membership,
  reason: SegmentMemberLeft['data']['reason'],
  at: string,
  mergedInto?: string,
): SegmentMemberLeft {
  return {
    type: 'SegmentMemberLeft',
    data: {
      segmentId: membership.segmentId,
      segmentName: membership.segmentName,
      contactId,
      ruleVersion: membership.ruleVersion,
      reason,
      ...(mergedInto ? { mergedInto } : {}),
      at,
    },
  };
}

function copyReasons(why: readonly MatchReason[]): MatchReason[] {
  return why.map((r) => ({ path: r.path, fields: [...r.fields] }));
}

function sameReasons(a: readonly MatchReason[], b: readonly MatchReason[]): boolean {
  return JSON.stringify(copyReasons(a)) === JSON.stringify(copyReasons(b));
}

function reconcile(
  contactId: string,
  verdicts: readonly SegmentVerdict[],
  at: string,
  state: MembershipState,
): MembershipEvent[] {
  const events: MembershipEvent[] = [];
  const seen = new Set<string>();
  for (const verdict of verdicts) {
    // One verdict per segment; a repeated one would decide twice on the same state.
    if (seen.has(verdict.segmentId)) continue;
    seen.add(verdict.segmentId);
    const current = state.segments[verdict.segmentId];
    if (current && !verdict.why) {
      const reason = current.kind === 'static' ? 'unlisted' : 'rule_no_longer_matches';
      events.push(leave(contactId, { ...current, ruleVersion: verdict.ruleVersion }, reason, at));
    } else if (
      current &&
      verdict.why &&
      verdict.ruleVersion > current.ruleVersion &&
      !sameReasons(current.why, verdict.why)
    ) {
      events.push({
        type: 'SegmentMemberReasonsChanged',
        data: {
          segmentId: verdict.segmentId,
          contactId,
          ruleVersion: verdict.ruleVersion,
          why: copyReasons(verdict.why),
          at,
        },
      });
    } else if (!current && verdict.why && !state.closed) {
      events.push({
        type: 'SegmentMemberJoined',
        data: {
          segmentId: verdict.segmentId,
          segmentName: verdict.segmentName,
          kind: verdict.kind,
          contactId,
          ruleVersion: verdict.ruleVersion,
          why: copyReasons(verdict.why),
          at,
        },
      });
    }
  }
  return events;
}

export function decideMembership(
  command: MembershipCommand,
  state: MembershipState,
): MembershipEvent[] {
  switch (command.type) {
    case 'ReconcileMemberships': {
      const { contactId, verdicts, at } = command.data;
      return reconcile(contactId, verdicts, at, state);
    }
    case 'LeaveArchivedSegments': {
      const { contactId, segmentIds, at } = command.data;
      return [...new Set(segmentIds)]
        .map((id) => state.segments[id])
        .filter((m): m is Membership => m !== undefined)
        .map((m) => leave(contactId, m, 'segment_archived', at));
    }
    case 'CloseMemberships': {
      const { contactId, reason, mergedInto, at } = command.data;
      if (state.closed) return [];
      return [
        ...Object.values(state.segments).map((m) => leave(contactId, m, reason, at, mergedInto)),
        {
          type: 'MembershipsClosed',
          data: { contactId, reason, ...(mergedInto ? { mergedInto } : {}), at },
        },
      ];
    }
  }
}

export const membershipDecider: Decider<MembershipCommand, MembershipEvent, MembershipState> = {
  initialState: initialMembershipState,
  evolve: evolveMembership,
  decide: decideMembership,
};
