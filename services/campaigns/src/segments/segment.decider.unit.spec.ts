import { DomainError, fold } from '@crm/event-sourcing';
import { deciderSpec } from '@crm/event-sourcing/testing';
import type { SegmentEvent } from './segment.events';
import { MAX_LISTED_CONTACTS, segmentDecider } from './segment.decider';

const given = deciderSpec(segmentDecider);
const stateAfter = (events: SegmentEvent[]) => fold(segmentDecider, events);
const germans = { field: 'country', op: 'eq', value: 'DE' } as const;
const leads = { all: [germans, { field: 'lifecycleStage', op: 'eq', value: 'lead' }] } as const;

const created: SegmentEvent = {
  type: 'SegmentCreated',
  data: { segmentId: 's1', name: 'Germans', kind: 'dynamic', rule: germans },
};
const createdStatic: SegmentEvent = {
  type: 'SegmentCreated',
  data: { segmentId: 's2', name: 'VIPs', kind: 'static', rule: null },
};
const activated: SegmentEvent = {
  type: 'SegmentActivated',
  data: { segmentId: 's1', ruleVersion: 2 },
};
const archived: SegmentEvent = { type: 'SegmentArchived', data: { segmentId: 's1' } };

describe('Segment decider', () => {
  it('creates a dynamic draft with its validated rule at rule version 1', () => {
    given([])
      .when({
        type: 'CreateSegment',
        data: {
          segmentId: 's1',
          name: ' Germans ',
          description: ' ',
          kind: 'dynamic',
          rule: germans,
        },
      })
      .then([created]);
    expect(stateAfter([created])).toMatchObject({
      status: 'draft',
      kind: 'dynamic',
      rule: germans,
      ruleVersion: 1,
    });
    given([created])
      .when({ type: 'CreateSegment', data: { segmentId: 's1', name: 'x', kind: 'static' } })
      .thenThrows('SegmentAlreadyExists');
  });

  it('refuses a dynamic segment without a rule, and a rule on a static one', () => {
    given([])
      .when({ type: 'CreateSegment', data: { segmentId: 's', name: 'x', kind: 'dynamic' } })
      .thenThrows('RuleRequired');
    given([])
      .when({
        type: 'CreateSegment',
        data: { segmentId: 's', name: 'x', kind: 'static', rule: germans },
      })
      .thenThrows('InvalidRule');
    given([])
      .when({ type: 'CreateSegment', data: { segmentId: 's2', name: 'VIPs', kind: 'static' } })
      .then([createdStatic]);
  });

  it('names every problem of a bad rule by its path', () => {
    const bad = { all: [germans, germans, { field: 'country', op: 'bogus', value: 'DE' }] };
    const when = given([]).when({
      type: 'CreateSegment',
      data: { segmentId: 's', name: 'x', kind: 'dynamic', rule: bad },
    });
    when.thenThrows((error) => {
      const fields = (error as DomainError).details?.errors as { field: string }[];
      return (
        (error as DomainError).code === 'InvalidRule' &&
        fields.map((e) => e.field).join() === 'rule.all[2].op'
      );
    });
  });

  it('refuses blank or overlong names', () => {
    for (const name of ['', '  ', 'x'.repeat(201)]) {
      given([])
        .when({ type: 'CreateSegment', data: { segmentId: 's', name, kind: 'static' } })
        .thenThrows(name.trim() ? 'TextTooLong' : 'RequiredText');
    }
  });

  it('activates a draft (bumping the rule version); activating again changes nothing', () => {
    given([created]).when({ type: 'ActivateSegment', data: {} }).then([activated]);
    expect(stateAfter([created, activated])).toMatchObject({ status: 'active', ruleVersion: 2 });
    given([created, activated]).when({ type: 'ActivateSegment', data: {} }).thenNothingHappened();
  });

  it('archives drafts and active segments; archived is final', () => {
    given([created]).when({ type: 'ArchiveSegment', data: {} }).then([archived]);
    given([created, activated]).when({ type: 'ArchiveSegment', data: {} }).then([archived]);
    given([created, archived]).when({ type: 'ArchiveSegment', data: {} }).thenNothingHappened();
    given([created, archived])
      .when({ type: 'ActivateSegment', data: {} })
      .thenThrows('SegmentArchived');
    given([created, archived])
      .when({ type: 'EditSegment', data: { name: 'Renamed' } })
      .thenThrows('SegmentArchived');
  });

  it('edits a live rule: a new rule version, the details untouched', () => {
    given([created, activated])
      .when({ type: 'EditSegment', data: { rule: leads } })
      .then([
        { type: 'SegmentRuleChanged', data: { segmentId: 's1', rule: leads, ruleVersion: 3 } },
      ]);
    // Events recorded before they carried ruleVersion fold to the same version.
    expect(
      stateAfter([
        created,
        { type: 'SegmentActivated', data: { segmentId: 's1' } },
        { type: 'SegmentRuleChanged', data: { segmentId: 's1', rule: leads } },
      ]),
    ).toMatchObject({ rule: leads, ruleVersion: 3, status: 'active' });
    given([created])
      .when({ type: 'EditSegment', data: { rule: germans } })
      .thenNothingHappened();
  });

  it('patches name and description as a merge patch (absent stays, null clears)', () => {
    const described: SegmentEvent = {
      type: 'SegmentDetailsChanged',
      data: { segmentId: 's1', name: 'Germans', description: 'From Germany' },
    };
    given([created])
      .when({ type: 'EditSegment', data: { description: 'From Germany' } })
      .then([described]);
    given([created, described])
      .when({ type: 'EditSegment', data: { name: 'DE' } })
      .then([
        {
          type: 'SegmentDetailsChanged',
          data: { segmentId: 's1', name: 'DE', description: 'From Germany' },
        },
      ]);
    given([created, described])
      .when({ type: 'EditSegment', data: { description: null } })
      .then([{ type: 'SegmentDetailsChanged', data: { segmentId: 's1', name: 'Germans' } }]);
    given([created, described])
      .when({ type: 'EditSegment', data: { description: null } })
      .thenState((s) => expect(s.description).toBeUndefined());
  });

  it('a bad rule in a patch saves nothing, not even the rename beside it', () => {
    given([created])
      .when({ type: 'EditSegment', data: { name: 'Renamed', rule: { all: 'no' } } })
      .thenThrows('InvalidRule');
    given([created])
      .when({ type: 'EditSegment', data: { rule: null } })
      .thenThrows('RuleRequired');
  });

  it('lists static members de-duplicated and sorted; the same list again changes nothing', () => {
    const listed: SegmentEvent = {
      type: 'SegmentMembersListed',
      data: { segmentId: 's2', contactIds: ['a', 'b', 'c'], ruleVersion: 2 },
    };
    given([createdStatic])
      .when({ type: 'ListSegmentMembers', data: { contactIds: ['c', 'a', 'b', 'a'] } })
      .then([listed]);
    expect(stateAfter([createdStatic, listed]).ruleVersion).toBe(2);
    given([createdStatic, listed])
      .when({ type: 'ListSegmentMembers', data: { contactIds: ['b', 'c', 'a'] } })
      .thenNothingHappened();
    const tooMany = Array.from({ length: MAX_LISTED_CONTACTS + 1 }, (_, i) => `c${i}`);
    given([createdStatic])
      .when({ type: 'ListSegmentMembers', data: { contactIds: tooMany } })
      .thenThrows('TooManyListedContacts');
  });

  it('keeps rules and lists to their kinds', () => {
    given([created])
      .when({ type: 'ListSegmentMembers', data: { contactIds: ['a'] } })
      .thenThrows('SegmentKindMismatch');
    given([createdStatic])
      .when({ type: 'EditSegment', data: { rule: germans } })
      .thenThrows('SegmentKindMismatch');
  });

  it('unknown segments are not found', () => {
    given([]).when({ type: 'ActivateSegment', data: {} }).thenThrows('SegmentNotFound');
  });
});
