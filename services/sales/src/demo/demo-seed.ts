/**
 * Loads two years of demo sales history (demo-history.ts) into a running sales app, through the
 * same deciders and the same order-history import the API uses, with each command dated when it
 * happened in the story, so analytics' funnel, forecast, RFM, basket and demand reports show
 * something meaningful on first start. Waits until sales knows the demo contacts (they arrive
 * from contacts over crm.contacts.v1); skipped when the demo pipeline exists, so
 * `npm start -- --seed` can be repeated.
 */
import type { INestApplicationContext } from '@nestjs/common';
import {
  handleCommand,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@crm/event-sourcing';
import {
  AggregateCommands,
  CLOCK,
  deterministicId,
  EVENT_STORE,
  PG_POOL,
  type Clock,
  type CommandCaller,
} from '@crm/platform';
import { SingleBar } from 'cli-progress';
import type { Pool } from 'pg';
import { STREAM } from '../infrastructure/streams';
import { S } from '../infrastructure/read-model-part';
import { leadDecider } from '../leads/lead.decider';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { OrderImportService } from '../orders/import/order-import.service';
import { pipelineDecider } from '../pipelines/pipeline.decider';
import { productDecider } from '../products/product.decider';
import { skuKey, skuRegistryDecider } from '../products/sku-registry.decider';
import {
  DEMO_PRODUCTS,
  DEMO_STAGES,
  demoHistory,
  type DemoDeal,
  type DemoLead,
  type DemoOrder,
} from './demo-history';

export const DEMO_PIPELINE_ID = 'demo-pipeline';
const ORDERS_PER_IMPORT = 250;

export interface SalesDemoSeedOptions {
  readonly tenant?: string;
  readonly seed?: number;
  readonly months?: number;
  /** Buyers: at most this many of the contacts sales knows (default 600). */
  readonly buyers?: number;
  /** How long to wait for the demo contacts to arrive (default 10 minutes). */
  readonly waitForContactsMs?: number;
  /** The contact count must stay the same this long before the seed starts (default 5 s). */
  readonly settleMs?: number;
  readonly output?: NodeJS.WritableStream;
}

export type SalesDemoSeedResult =
  | {
      readonly status: 'seeded';
      readonly orders: number;
      readonly leads: number;
      readonly deals: number;
    }
  | { readonly status: 'skipped'; readonly reason: string };

export async function seedSalesDemoHistory(
  app: INestApplicationContext,
  options: SalesDemoSeedOptions = {},
): Promise<SalesDemoSeedResult> {
  const tenant = options.tenant ?? 'acme';
  const pool = app.get<Pool>(PG_POOL);
  const aggregates = app.get(AggregateCommands);
  const clock = app.get<Clock>(CLOCK);
  const caller: CommandCaller = { tenant, actor: 'system:demo-seed' };
  const pipelineStream = STREAM.pipeline(DEMO_PIPELINE_ID);
  if ((await aggregates.load(pipelineDecider, tenant, pipelineStream)).state.exists)
    return { status: 'skipped', reason: `the demo history of tenant "${tenant}" is there already` };

  const contactIds = await demoContacts(pool, tenant, options);
  if (contactIds.length === 0)
    return { status: 'skipped', reason: `sales knows no contacts of tenant "${tenant}" yet` };
  const history = demoHistory({
    seed: options.seed ?? 2026,
    contactIds: contactIds.slice(0, options.buyers ?? 600),
    until: clock.now(),
    months: options.months,
  });

  const bar = new SingleBar({
    format:
      'demo sales history [{bar}] {percentage}% | {value}/{total} leads+deals+orders | ETA {eta}s',
    stream: options.output ?? process.stdout,
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  bar.start(history.leads.length + history.deals.length + history.orders.length, 0);
  try {
    await createCatalogue(aggregates, caller);
    await aggregates.execute(
      pipelineDecider,
      pipelineStream,
      {
        type: 'CreatePipeline',
        data: { pipelineId: DEMO_PIPELINE_ID, name: 'New cars', stages: [...DEMO_STAGES] },
      },
      caller,
    );
    const store = app.get<EventStore>(EVENT_STORE);
    const at = (when: string) => ({ tenant, actor: caller.actor, now: () => new Date(when) });
    const run = <C, E extends DomainEvent, St>(
      decider: Decider<C, E, St>,
      stream: string,
      command: C,
      when: string,
    ) => handleCommand(store, decider, { tenant, id: stream }, command, at(when));
    for (const lead of history.leads) {
      await seedLead(run, lead);
      bar.increment();
    }
    const pipeline = { pipelineId: DEMO_PIPELINE_ID, stages: [...DEMO_STAGES] };
    for (const deal of history.deals) {
      await seedDeal(run, pipeline, deal);
      bar.increment();
    }
    const imports = app.get(OrderImportService);
    for (let i = 0; i < history.orders.length; i += ORDERS_PER_IMPORT) {
      const chunk = history.orders.slice(i, i + ORDERS_PER_IMPORT);
      await imports.run(caller, `demo-history-${i / ORDERS_PER_IMPORT + 1}`, false, {
        format: 'json-array',
        records: chunk.map(importRecord),
      });
      bar.increment(chunk.length);
    }
  } finally {
    bar.stop();
  }
  return {
    status: 'seeded',
    orders: history.orders.length,
    leads: history.leads.length,
    deals: history.deals.length,
  };
}

/** The tenant's contacts once their number has stopped growing (the contacts seed is done). */
async function demoContacts(
  pool: Pool,
  tenant: string,
  options: SalesDemoSeedOptions,
): Promise<string[]> {
  const deadline = Date.now() + (options.waitForContactsMs ?? 600_000);
  const settle = options.settleMs ?? 5_000;
  let seen = -1;
  let stableSince = Date.now();
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${S}.contact_directory WHERE tenant = $1`,
      [tenant],
    );
    const n = rows[0].n;
    if (n !== seen) {
      seen = n;
      stableSince = Date.now();
    } else if (n > 0 && Date.now() - stableSince >= settle) break;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { rows } = await pool.query<{ contact_id: string }>(
    `SELECT contact_id FROM ${S}.contact_directory WHERE tenant = $1 ORDER BY contact_id`,
    [tenant],
  );
  return rows.map((r) => r.contact_id);
}

async function createCatalogue(aggregates: AggregateCommands, caller: CommandCaller) {
  for (const product of DEMO_PRODUCTS) {
    const productId = deterministicId(caller.tenant, 'demo-product', product.sku);
    await aggregates.execute(
      skuRegistryDecider,
      STREAM.sku(skuKey(product.sku)),
      { type: 'ReserveSku', data: { sku: product.sku, productId } },
      caller,
    );
    await aggregates.execute(
      productDecider,
      STREAM.product(productId),
      {
        type: 'CreateProduct',
        data: { productId, sku: product.sku, name: product.name, family: product.family },
      },
      caller,
    );
  }
}

type Run = <C, E extends DomainEvent, St>(
  decider: Decider<C, E, St>,
  stream: string,
  command: C,
  when: string,
) => Promise<unknown>;

async function seedLead(run: Run, lead: DemoLead) {
  const stream = STREAM.lead(lead.leadId);
  await run(
    leadDecider,
    stream,
    {
      type: 'CaptureLead',
      data: {
        leadId: lead.leadId,
        source: lead.source,
        profile: { name: lead.name, interest: lead.interest },
        ownerId: lead.ownerId,
        at: lead.capturedAt,
      },
    },
    lead.capturedAt,
  );
  if (!lead.outcome) return;
  const { kind, at } = lead.outcome;
  await run(
    leadDecider,
    stream,
    { type: 'StartWorkingLead', data: { ownerId: lead.ownerId, at } },
    at,
  );
  await run(
    leadDecider,
    stream,
    kind === 'qualified'
      ? { type: 'QualifyLead', data: { at } }
      : { type: 'DisqualifyLead', data: { reason: 'not a fit', at } },
    at,
  );
}

async function seedDeal(
  run: Run,
  pipeline: { pipelineId: string; stages: (typeof DEMO_STAGES)[number][] },
  deal: DemoDeal,
) {
  const stream = STREAM.opportunity(deal.opportunityId);
  await run(
    opportunityDecider,
    stream,
    {
      type: 'OpenOpportunity',
      data: {
        opportunityId: deal.opportunityId,
        name: deal.name,
        pipeline,
        stageId: 'prospecting',
        amountMinor: deal.amountMinor,
        currency: 'EUR',
        expectedCloseDate: deal.expectedCloseDate,
        ownerId: deal.ownerId,
        contactId: deal.contactId,
        ...(deal.leadId ? { leadId: deal.leadId } : {}),
        at: deal.openedAt,
      },
    },
    deal.openedAt,
  );
  for (const move of deal.moves)
    await run(
      opportunityDecider,
      stream,
      { type: 'ChangeOpportunityStage', data: { pipeline, stageId: move.stageId, at: move.at } },
      move.at,
    );
  if (!deal.end) return;
  const { kind, at, reason } = deal.end;
  await run(
    opportunityDecider,
    stream,
    kind === 'won'
      ? { type: 'WinOpportunity', data: { pipeline, reason, at } }
      : { type: 'LoseOpportunity', data: { pipeline, reason, at } },
    at,
  );
}

function importRecord(order: DemoOrder) {
  return {
    externalId: order.externalId,
    placedAt: order.placedAt,
    contactId: order.contactId,
    currency: 'EUR',
    status: order.status,
    ...(order.status === 'placed' ? {} : { statusAt: order.statusAt }),
    ...(order.status === 'returned' ? { fulfilledAt: order.placedAt } : {}),
    lines: order.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
  };
}
