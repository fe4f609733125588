import { deciderSpec } from '@crm/event-sourcing/testing';
import type { SegmentVerdict } from './membership.commands';
import { membershipDecider } from './membership.decider';
import type { MembershipEvent } from './membership.events';

const given = deciderSpec(membershipDecider);
const at = '2026-05-01T10:00:00.000Z';
const later = '2026-05-02T10:00:00.000Z';
const why = [{ path: 'rule.all[0]', fields: ['profile.lifecycle_stage'] }];

const vip = (matches: boolean, ruleVersion = 1): SegmentVerdict => ({
  segmentId: 's-vip',
  segmentName: 'VIPs',
  kind: 'dynamic',
  ruleVersion,
  why: matches ? why : null,
});
const listed = (matches: boolean): SegmentVerdict => ({
  segmentId: 's-list',
  segmentName: 'Fair visitors',
  kind: 'static',
  ruleVersion: 2,
  why: matches ? [{ path: 'list', fields: [] }] : null,
});
const reconcile = (verdicts: SegmentVerdict[], when = at) => ({
  type: 'ReconcileMemberships' as const,
  data: { contactId: 'c1', verdicts, at: when },
});

const joinedVip: MembershipEvent = {
  type: 'SegmentMemberJoined',
  data: {
    segmentId: 's-vip',
    segmentName: 'VIPs',
    kind: 'dynamic',
    contactId: 'c1',
    ruleVersion: 1,
    why,
    at,
  },
};
const joinedList: MembershipEvent = {
  type: 'SegmentMemberJoined',
  data: {
    segmentId: 's-list',
    segmentName: 'Fair visitors',
    kind: 'static',
    contactId: 'c1',
    ruleVersion: 2,
    why: [{ path: 'list', fields: [] }],
    at,
  },
};

describe('membership decider', () => {
  it('joins the segments the contact matches now, with why', () => {
    given([])
      .when(reconcile([vip(true), listed(true)]))
      .then([joinedVip, joinedList]);
  });

  it('appends nothing when the outcome is the same (a redelivery or a re-evaluation)', () => {
    given([joinedVip])
      .when(reconcile([vip(true)], later))
      .then([]);
    given([joinedVip])
      .when(reconcile([vip(true, 3)], later))
      .then([]);
    given([])
      .when(reconcile([vip(false)]))
      .then([]);
  });

  it('leaves a dynamic segment whose rule no longer matches, at the version it stopped on', () => {
    given([joinedVip])
      .when(reconcile([vip(false, 2)], later))
      .then([
        {
          type: 'SegmentMemberLeft',
          data: {
            segmentId: 's-vip',
            segmentName: 'VIPs',
            contactId: 'c1',
            ruleVersion: 2,
            reason: 'rule_no_longer_matches',
            at: later,
          },
        },
      ]);
  });

  it('leaves a static segment it is no longer listed in as unlisted', () => {
    given([joinedList])
      .when(reconcile([listed(false)], later))
      .then([
        {
          type: 'SegmentMemberLeft',
          data: {
            segmentId: 's-list',
            segmentName: 'Fair visitors',
            contactId: 'c1',
            ruleVersion: 2,
            reason: 'unlisted',
            at: later,
          },
        },
      ]);
  });

  it('a member that still matches an edited rule through other parts gets its new reasons, once', () => {
    const otherWhy = [{ path: 'rule.all[1]', fields: ['tags'] }];
    const renewed: MembershipEvent = {
      type: 'SegmentMemberReasonsChanged',
      data: { segmentId: 's-vip', contactId: 'c1', ruleVersion: 2, why: otherWhy, at: later },
    };
    given([joinedVip])
      .when(reconcile([{ ...vip(true, 2), why: otherWhy }], later))
      .then([renewed]);
    given([joinedVip, renewed])
      .when(reconcile([{ ...vip(true, 2), why: otherWhy }], later))
      .then([]);
    // The same reasons under a new version, or new reasons under the same version: nothing.
    given([joinedVip])
      .when(reconcile([vip(true, 2)], later))
      .then([]);
    given([joinedVip])
      .when(reconcile([{ ...vip(true, 1), why: otherWhy }], later))
      .then([]);
  });

  it('leaves untouched the memberships of segments it was not told about', () => {
    given([joinedVip, joinedList])
      .when(reconcile([listed(true)], later))
      .then([]);
  });

  it('decides once per segment even when a verdict is repeated', () => {
    given([])
      .when(reconcile([vip(true), vip(true)]))
      .then([joinedVip]);
  });

  it('leaves archived segments it is in, and only those', () => {
    given([joinedVip])
      .when({
        type: 'LeaveArchivedSegments',
        data: { contactId: 'c1', segmentIds: ['s-vip', 's-other', 's-vip'], at: later },
      })
      .then([
        {
          type: 'SegmentMemberLeft',
          data: {
            segmentId: 's-vip',
            segmentName: 'VIPs',
            contactId: 'c1',
            ruleVersion: 1,
            reason: 'segment_archived',
            at: later,
          },
        },
      ]);
  });

  it('an erased contact leaves everything at once and joins nothing afterwards', () => {
    const erase = {
      type: 'CloseMemberships' as const,
      data: { contactId: 'c1', reason: 'contact_erased' as const, at: later },
    };
    const closed: MembershipEvent = {
      type: 'MembershipsClosed',
      data: { contactId: 'c1', reason: 'contact_erased', at: later },
    };
    given([joinedVip, joinedList])
      .when(erase)
      .then([
        {
          type: 'SegmentMemberLeft',
          data: {
            segmentId: 's-vip',
            segmentName: 'VIPs',
            contactId: 'c1',
            ruleVersion: 1,
            reason: 'contact_erased',
            at: later,
          },
        },
        {
          type: 'SegmentMemberLeft',
          data: {
            segmentId: 's-list',
            segmentName: 'Fair visitors',
            contactId: 'c1',
            ruleVersion: 2,
            reason: 'contact_erased',
            at: later,
          },
        },
        closed,
      ]);
    given([joinedVip, closed]).when(erase).then([]);
    given([closed])
      .when(reconcile([vip(true)], later))
      .then([]);
  });

  it('a merged-away contact leaves naming the survivor', () => {
    given([joinedList])
      .when({
        type: 'CloseMemberships',
        data: { contactId: 'c1', reason: 'merged_away', mergedInto: 'c2', at: later },
      })
      .then([
        {
          type: 'SegmentMemberLeft',
          data: {
            segmentId: 's-list',
            segmentName: 'Fair visitors',
            contactId: 'c1',
            ruleVersion: 2,
            reason: 'merged_away',
            mergedInto: 'c2',
            at: later,
          },
        },
        {
          type: 'MembershipsClosed',
          data: { contactId: 'c1', reason: 'merged_away', mergedInto: 'c2', at: later },
        },
      ]);
  });
});
