/**
 * The campaigns state topic as a StateSource (`@crm/messaging`): a segment's current public state
 * folded from its own stream with the segment decider's `evolve`, in the shape `GET
 * /segments/{id}` answers (the read model folds with the same `evolve` and stamps the same event
 * times), so an integrator bootstraps segments from `crm.campaigns.segment.state.v1` and then
 * follows `crm.campaigns.v1`. Segments are never deleted: no stream is the only tombstone.
 */
import { SegmentStateTopic, type SegmentStateV1 } from '@crm/contracts';
import { categoryOf, fold, idOfStream, type RecordedEvent } from '@crm/event-sourcing';
import type { StateSource } from '@crm/messaging';
import { STREAM } from '../infrastructure/streams';
import { evolveSegment, initialSegmentState } from '../segments/segment.decider';
import type { SegmentEvent } from '../segments/segment.events';

const iso = (occurredAt: string) => new Date(occurredAt).toISOString();

/** The segment as REST answers it after these events of its stream; null for no segment. */
export function segmentState(events: readonly RecordedEvent[]): SegmentStateV1 | null {
  if (events.length === 0) return null;
  const s = fold(
    { initialState: initialSegmentState, evolve: evolveSegment },
    events.map((e) => ({ type: e.type, data: e.data }) as SegmentEvent),
  );
  if (!s.exists) return null;
  return {
    id: s.segmentId,
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    kind: s.kind,
    status: s.status,
    rule: s.rule as unknown as SegmentStateV1['rule'],
    ruleVersion: s.ruleVersion,
    ...(s.kind === 'static' ? { listedContacts: s.contactIds.length } : {}),
    version: events.at(-1)!.streamVersion,
    createdAt: iso(events[0].metadata.occurredAt),
    updatedAt: iso(events.at(-1)!.metadata.occurredAt),
  };
}

const SEGMENT_CATEGORY = categoryOf(STREAM.segment('x'));

export const segmentStateSource: StateSource = {
  stateType: SegmentStateTopic.type,
  categories: [SEGMENT_CATEGORY],
  subjectsOf: (event) =>
    categoryOf(event.streamId) === SEGMENT_CATEGORY ? [idOfStream(event.streamId)] : [],
  async load(store, tenant, subject) {
    const { events } = await store.readStream({ tenant, id: STREAM.segment(subject) });
    return segmentState(events) as Record<string, unknown> | null;
  },
};

export const campaignsStateSources: readonly StateSource[] = [segmentStateSource];
