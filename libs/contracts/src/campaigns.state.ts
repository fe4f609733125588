/**
 * State topics of the campaigns service (see state-topic.ts): key = the segment id, value = the
 * segment as `GET /segments/{id}` answers it (same members and shapes). Segments are never
 * deleted, so there are no tombstones: an archived segment keeps its state with
 * `status: archived`. Its members are not in it (a static list holds up to 10 000 ids): they are
 * the `segment.member_joined/left` facts on crm.campaigns.v1.
 */
import { SegmentSchemas } from './campaigns.events';
import { id, integer, object, timestamp } from './json-schema';
import { defineStateTopic, type StateTopicDefinition } from './state-topic';

const { description, ...members } = SegmentSchemas;

export const SegmentStateTopic = defineStateTopic({
  service: 'campaigns',
  aggregate: 'segment',
  summary:
    'A segment (its rule, kind, status and rule version) as GET /segments/{id} answers it; ' +
    'never a tombstone (an archived segment keeps its state).',
  schema: object(
    {
      id: id('Segment id (the key)'),
      name: members.name,
      description: { ...description, type: 'string', description: 'Absent when it has none' },
      kind: members.kind,
      status: members.status,
      rule: members.rule,
      ruleVersion: integer(
        'One more whenever the rule or the static list changes and on activation',
        1,
      ),
      listedContacts: {
        ...members.listedContacts,
        description: 'Static segments only: how many contacts the list holds (never who)',
      },
      version: integer('Version of the segment record (the REST ETag)', 1),
      createdAt: timestamp('When the segment was created'),
      updatedAt: timestamp('Its last change'),
    },
    ['id', 'name', 'kind', 'status', 'rule', 'ruleVersion', 'version', 'createdAt', 'updatedAt'],
  ),
});

export const CAMPAIGNS_STATE_TOPICS: readonly StateTopicDefinition[] = [SegmentStateTopic];

/** The segment state value, as REST answers it. */
export interface SegmentStateV1 {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly kind: 'dynamic' | 'static';
  readonly status: 'draft' | 'active' | 'archived';
  readonly rule: { readonly [member: string]: unknown } | null;
  readonly ruleVersion: number;
  readonly listedContacts?: number;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
