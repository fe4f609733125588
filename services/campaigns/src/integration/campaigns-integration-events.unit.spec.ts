import { validatePayload } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import { campaignsIntegrationEvents } from './campaigns-integration-events';

function recorded(type: string, data: unknown): RecordedEvent {
  return {
    id: '7d1f0a52-52a1-4b5e-9d8c-0c8f7b0d3e11',
    type,
    schemaVersion: 1,
    data,
    metadata: { tenant: 't1', occurredAt: '2026-05-01T10:00:00.000Z' },
    tenant: 't1',
    streamId: 'membership-c1',
    streamVersion: 1,
    position: { commit: 1n, prepare: 1n },
    createdAt: new Date('2026-05-01T10:00:00.000Z'),
  };
}

describe('campaigns integration events', () => {
  it('publishes a join with the field keys it matched on, keyed by the segment', () => {
    const out = campaignsIntegrationEvents(
      recorded('SegmentMemberJoined', {
        segmentId: 's1',
        segmentName: 'VIPs',
        kind: 'dynamic',
        contactId: 'c1',
        ruleVersion: 3,
        why: [
          { path: 'rule.all[0]', fields: ['profile.lifecycle_stage'] },
          { path: 'rule.all[1]', fields: ['purchase.family', 'profile.lifecycle_stage'] },
        ],
        at: '2026-05-01T10:00:00.000Z',
      }),
    ) as any;
    expect(out).toEqual({
      type: 'crm.campaigns.segment.member_joined.v1',
      subject: 's1',
      data: {
        segmentId: 's1',
        segmentName: 'VIPs',
        contactId: 'c1',
        ruleVersion: 3,
        reasons: ['profile.lifecycle_stage', 'purchase.family'],
        joinedAt: '2026-05-01T10:00:00.000Z',
      },
    });
    expect(validatePayload(out.type, out.data, 'strict')).toEqual([]);
  });

  it('publishes a leave with its reason and the survivor of a merge', () => {
    const out = campaignsIntegrationEvents(
      recorded('SegmentMemberLeft', {
        segmentId: 's1',
        segmentName: 'VIPs',
        contactId: 'c1',
        ruleVersion: 3,
        reason: 'merged_away',
        mergedInto: 'c2',
        at: '2026-05-01T10:00:00.000Z',
      }),
    ) as any;
    expect(out.type).toBe('crm.campaigns.segment.member_left.v1');
    expect(out.data).toMatchObject({
      reason: 'merged_away',
      mergedInto: 'c2',
      leftAt: '2026-05-01T10:00:00.000Z',
    });
    expect(validatePayload(out.type, out.data, 'strict')).toEqual([]);
  });

  it('keeps a membership close private', () => {
    expect(
      campaignsIntegrationEvents(
        recorded('MembershipsClosed', { contactId: 'c1', reason: 'contact_erased', at: 'x' }),
      ),
    ).toBeNull();
  });
});
