import { validateStateValue, SegmentStateTopic } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import { segmentState, segmentStateSource } from './campaigns-state';

let version = 0;
function recorded(type: string, data: object, occurredAt: string): RecordedEvent {
  version += 1;
  return {
    id: `00000000-0000-4000-8000-00000000000${version}`,
    type,
    schemaVersion: 1,
    data: { segmentId: 's1', ...data },
    metadata: { tenant: 't1', occurredAt },
    tenant: 't1',
    streamId: 'segment-s1',
    streamVersion: version,
    position: { commit: BigInt(version), prepare: BigInt(version) },
    createdAt: new Date(occurredAt),
  };
}

describe('segment state', () => {
  beforeEach(() => {
    version = 0;
  });
  const rule = { field: 'country', op: 'eq', value: 'DE' };
  const rule2 = { field: 'country', op: 'in', value: ['DE', 'AT'] };

  it('folds a dynamic segment to what GET /segments/{id} answers, schema-valid', () => {
    const events = [
      recorded(
        'SegmentCreated',
        { name: 'Germans', description: 'x', kind: 'dynamic', rule },
        '2026-05-01T10:00:00Z',
      ),
      recorded('SegmentDetailsChanged', { name: 'DACH' }, '2026-05-02T10:00:00Z'),
      recorded('SegmentActivated', {}, '2026-05-03T10:00:00Z'),
      recorded('SegmentRuleChanged', { rule: rule2 }, '2026-05-04T10:00:00Z'),
    ];
    const state = segmentState(events);
    expect(state).toEqual({
      id: 's1',
      name: 'DACH',
      kind: 'dynamic',
      status: 'active',
      rule: rule2,
      ruleVersion: 3,
      version: 4,
      createdAt: '2026-05-01T10:00:00.000Z',
      updatedAt: '2026-05-04T10:00:00.000Z',
    });
    expect(validateStateValue(SegmentStateTopic, state)).toEqual([]);
  });

  it('gives a static segment its list size, never the ids; archived keeps its state', () => {
    const state = segmentState([
      recorded(
        'SegmentCreated',
        { name: 'Fair', kind: 'static', rule: null },
        '2026-05-01T10:00:00Z',
      ),
      recorded('SegmentMembersListed', { contactIds: ['c1', 'c2'] }, '2026-05-01T11:00:00Z'),
      recorded('SegmentArchived', {}, '2026-05-01T12:00:00Z'),
    ]);
    expect(state).toMatchObject({
      status: 'archived',
      listedContacts: 2,
      ruleVersion: 2,
      rule: null,
    });
    expect(JSON.stringify(state)).not.toMatch(/c1|c2/);
    expect(validateStateValue(SegmentStateTopic, state)).toEqual([]);
  });

  it('has no state (a tombstone) for a stream without a segment', () => {
    expect(segmentState([])).toBeNull();
  });

  it('is touched only by segment streams', () => {
    const segment = recorded('SegmentActivated', {}, '2026-05-01T10:00:00Z');
    expect(segmentStateSource.subjectsOf(segment)).toEqual(['s1']);
    expect(segmentStateSource.subjectsOf({ ...segment, streamId: 'membership-c1' })).toEqual([]);
  });
});
