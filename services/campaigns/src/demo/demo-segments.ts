/**
 * `npm start -- --seed`: a few live segments for tenant `acme` over the contacts demo data (and
 * whatever sales records), created through the same command path as the API, so a marketer sees
 * members on first start. The ids are derived from the names and each segment is read from its
 * stream first, so a repeated seed appends nothing.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { AggregateCommands, deterministicId } from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import { segmentDecider } from '../segments/segment.decider';

const ACTOR = 'system:demo-seed';

export const DEMO_SEGMENTS: readonly { name: string; description: string; rule: unknown }[] = [
  {
    name: 'Reachable customers',
    description: 'Customers who said yes to email',
    rule: {
      all: [
        { field: 'lifecycleStage', op: 'eq', value: 'customer' },
        { field: 'consent.email', op: 'eq', value: 'granted' },
      ],
    },
  },
  {
    name: 'VIPs without an order this year',
    description: 'Tagged vip, no order in the last 365 days: worth a call',
    rule: {
      all: [
        { field: 'tags', op: 'contains', value: 'vip' },
        { not: { field: 'purchase.orders', op: 'gte', value: { count: 1, within: '365d' } } },
      ],
    },
  },
  {
    name: 'Birthdays this week',
    description: 'Birthday within the next 7 days, email consent given',
    rule: {
      all: [
        { field: 'birthDate', op: 'anniversary_within_next', value: '7d' },
        { field: 'consent.email', op: 'eq', value: 'granted' },
      ],
    },
  },
  {
    name: 'Bought a car in the last 30 days',
    description: 'Cross-sell accessories and service plans',
    rule: { field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'], within: '30d' } },
  },
];

export async function seedDemoSegments(
  app: INestApplicationContext,
  tenant = 'acme',
): Promise<{ created: number; activated: number }> {
  let created = 0;
  let activated = 0;
  const commands = app.get(AggregateCommands);
  const caller = { tenant, actor: ACTOR };
  for (const segment of DEMO_SEGMENTS) {
    const segmentId = deterministicId(tenant, 'demo-segment', segment.name);
    const stream = STREAM.segment(segmentId);
    const { state } = await commands.load(segmentDecider, tenant, stream);
    if (!state.exists) {
      await commands.execute(
        segmentDecider,
        stream,
        { type: 'CreateSegment', data: { segmentId, kind: 'dynamic', ...segment } },
        caller,
      );
      created += 1;
    }
    if (state.status !== 'active') {
      await commands.execute(segmentDecider, stream, { type: 'ActivateSegment', data: {} }, caller);
      activated += 1;
    }
  }
  return { created, activated };
}
