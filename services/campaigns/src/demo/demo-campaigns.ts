/**
 * `npm start -- --seed`: campaigns with history and results for tenant `acme`. Three email
 * templates; three past campaigns (one an A/B test the data decides) whose messages, opens,
 * clicks, bounces and unsubscribes happened over the last weeks, each appended as it was decided
 * then (the message and campaign deciders, each event dated when it happened), so the stats, the
 * contacts timeline, analytics' campaign results and attribution all show them; and one live
 * campaign scheduled a minute after start, which the real sender sends (to the capture outbox,
 * GET /outbox, unless SMTP_URL is set). Waits until the audience knows the demo contacts;
 * skipped when the demo templates exist.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { type EventStore, type NewEvent, type StreamAppend } from '@crm/event-sourcing';
import {
  AggregateCommands,
  CLOCK,
  deterministicId,
  EVENT_STORE,
  PG_POOL,
  type Clock,
} from '@crm/platform';
import type { Pool } from 'pg';
import { decideAbTest } from '../campaign/ab-test';
import { campaignDecider } from '../campaign/campaign.decider';
import type { CampaignCommand } from '../campaign/campaign.commands';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import type { MessageCommand } from '../sending/message.commands';
import { messageDecider } from '../sending/message.decider';
import { BROADCAST_STEP, ledgerMessageId } from '../sending/message-id';
import { templateDecider } from '../templates/template.decider';
import { campaignStories, type RecipientStory, type VariantRates } from './demo-campaigns-history';
import { datedDecisions, type DatedCommand } from './dated-decisions';
import { DEMO_SEGMENTS } from './demo-segments';

const ACTOR = 'system:demo-seed';
const DAY = 86_400_000;
const APPEND_BATCH = 200;
const SENDER = { name: 'ACME Motors', email: 'news@acme-motors.example' };
const SHOP = 'https://shop.example.com';

const TEMPLATES = [
  {
    key: 'tyres',
    name: 'Winter tyres: book your fitting',
    subject: '{{ contact.givenName | default: "Hello" }}, winter tyres fitted this week',
    html: `<p>Hello {{ contact.givenName | default: "there" }},</p><p>Frost is coming. Book your winter tyre fitting now and get the seasonal inspection for free.</p><p><a href="${SHOP}/winter-tyres">Book a fitting</a></p>`,
  },
  {
    key: 'plan-a',
    name: 'Service plan (A: price first)',
    subject: 'A service plan for your car from {{ offer.price.formatted | default: "€1,190" }}',
    html: `<p>Hello {{ contact.givenName | default: "there" }},</p><p>Three years of servicing at one fixed price.</p><p><a href="${SHOP}/service-plan">See the plan</a></p>`,
  },
  {
    key: 'plan-b',
    name: 'Service plan (B: peace of mind)',
    subject: '{{ contact.givenName | default: "Hello" }}, three worry-free years for your car',
    html: `<p>Hello {{ contact.givenName | default: "there" }},</p><p>No surprise bills: every service for three years, booked when it suits you.</p><p><a href="${SHOP}/service-plan">Get peace of mind</a></p>`,
  },
] as const;
type TemplateKey = (typeof TEMPLATES)[number]['key'];

interface PastCampaign {
  readonly name: string;
  readonly daysAgo: number;
  readonly segment: string;
  readonly variants: readonly { id: string; template: TemplateKey; rates: VariantRates }[];
  readonly abTest?: boolean;
  readonly costMinor: number;
  readonly recipients: number;
}

const PAST: readonly PastCampaign[] = [
  {
    name: 'Winter tyres: book your fitting',
    daysAgo: 60,
    segment: 'Reachable customers',
    variants: [{ id: 'A', template: 'tyres', rates: { open: 0.42, click: 0.11 } }],
    costMinor: 150_00,
    recipients: 300,
  },
  {
    name: 'Service plan for car owners (A/B)',
    daysAgo: 25,
    segment: 'Reachable customers',
    variants: [
      { id: 'A', template: 'plan-a', rates: { open: 0.33, click: 0.06 } },
      { id: 'B', template: 'plan-b', rates: { open: 0.44, click: 0.15 } },
    ],
    abTest: true,
    costMinor: 400_00,
    recipients: 400,
  },
  {
    name: 'Spring check-up',
    daysAgo: 6,
    segment: 'Reachable customers',
    variants: [{ id: 'A', template: 'tyres', rates: { open: 0.38, click: 0.09 } }],
    costMinor: 120_00,
    recipients: 250,
  },
];

export interface DemoCampaignsOptions {
  readonly tenant?: string;
  /** How long to wait for the audience to learn the demo contacts (default 10 minutes). */
  readonly waitForAudienceMs?: number;
  /** The audience count must stay the same this long first (default 5 s). */
  readonly settleMs?: number;
  /** Schedule the live campaign this long after now (default 60 s); null: no live campaign. */
  readonly liveInMs?: number | null;
}

export type DemoCampaignsResult =
  | { readonly status: 'seeded'; readonly campaigns: number; readonly messages: number }
  | { readonly status: 'skipped'; readonly reason: string };

export async function seedDemoCampaigns(
  app: INestApplicationContext,
  options: DemoCampaignsOptions = {},
): Promise<DemoCampaignsResult> {
  const tenant = options.tenant ?? 'acme';
  const pool = app.get<Pool>(PG_POOL);
  const store = app.get<EventStore>(EVENT_STORE);
  const commands = app.get(AggregateCommands);
  const now = app.get<Clock>(CLOCK).now();
  const templateId = (key: string) => deterministicId(tenant, 'demo-template', key);
  if (
    (await commands.load(templateDecider, tenant, STREAM.template(templateId('tyres')))).state
      .exists
  )
    return {
      status: 'skipped',
      reason: `the demo campaigns of tenant "${tenant}" are there already`,
    };
  const reachable = await reachableContacts(pool, tenant, options);
  if (reachable.length === 0)
    return {
      status: 'skipped',
      reason: `the audience of tenant "${tenant}" has nobody with email consent yet`,
    };

  const meta = { tenant, actor: ACTOR, correlationId: randomUUID() };
  const created = new Date(now.getTime() - 90 * DAY).toISOString();
  for (const t of TEMPLATES) {
    const events = datedDecisions(
      templateDecider,
      [
        {
          command: {
            type: 'CreateTemplate',
            data: {
              templateId: templateId(t.key),
              channel: 'email',
              name: t.name,
              subject: t.subject,
              html: t.html,
            },
          },
          at: created,
        },
      ],
      meta,
    );
    await store.append({ tenant, id: STREAM.template(templateId(t.key)) }, events, 'no-stream');
  }

  let messages = 0;
  for (const [index, past] of PAST.entries()) {
    const launchedAt = new Date(now.getTime() - past.daysAgo * DAY);
    const campaignId = deterministicId(tenant, 'demo-campaign', past.name);
    const offset = (index * 97) % Math.max(1, reachable.length);
    const recipients = [...reachable.slice(offset), ...reachable.slice(0, offset)].slice(
      0,
      past.recipients,
    );
    const { stories, winner } = storiesOf(index, past, recipients, launchedAt);
    const definition = {
      name: past.name,
      kind: { type: 'broadcast' },
      channel: 'email',
      audience: { segmentId: segmentIdOf(tenant, past.segment) },
      variants: past.variants.map((v) => ({
        id: v.id,
        templateId: templateId(v.template),
        templateVersion: 1,
        sharePercent: 100 / past.variants.length,
      })),
      ...(past.abTest
        ? {
            abTest: {
              testSharePercent: 20,
              metric: 'clicked',
              significance: 0.05,
              minimumSamplePerVariant: 30,
            },
          }
        : {}),
      cost: { amountMinor: past.costMinor, currency: 'EUR' },
      sender: SENDER,
    };
    const iso = (ms: number) => new Date(ms).toISOString();
    const lastSent = stories.reduce(
      (max, s) => Math.max(max, s.sentAt.getTime()),
      launchedAt.getTime(),
    );
    const lifecycle: DatedCommand<CampaignCommand>[] = [
      {
        command: { type: 'CreateCampaign', data: { campaignId, definition } },
        at: iso(launchedAt.getTime() - 3 * DAY),
      },
      {
        command: {
          type: 'ScheduleCampaign',
          data: { sendAt: launchedAt.toISOString(), at: iso(launchedAt.getTime() - 2 * DAY) },
        },
        at: iso(launchedAt.getTime() - 2 * DAY),
      },
      {
        command: { type: 'LaunchCampaign', data: { at: launchedAt.toISOString() } },
        at: launchedAt.toISOString(),
      },
      ...(winner === undefined
        ? []
        : [
            {
              command: {
                type: 'ConcludeAbTest' as const,
                data: {
                  winner: winner.id,
                  pValue: winner.pValue,
                  at: iso(launchedAt.getTime() + DAY),
                },
              },
              at: iso(launchedAt.getTime() + DAY),
            },
          ]),
      {
        command: { type: 'CompleteCampaign', data: { at: iso(lastSent + 60_000) } },
        at: iso(lastSent + 60_000),
      },
    ];
    await store.append(
      { tenant, id: STREAM.campaign(campaignId) },
      datedDecisions(campaignDecider, lifecycle, meta),
      'no-stream',
    );
    const appends: StreamAppend[] = stories.map((story) =>
      messageAppend(tenant, campaignId, story, meta),
    );
    for (let i = 0; i < appends.length; i += APPEND_BATCH)
      await store.appendToStreams(appends.slice(i, i + APPEND_BATCH));
    messages += appends.length;
  }

  if (options.liveInMs !== null)
    await scheduleLiveCampaign(
      commands,
      tenant,
      templateId('plan-b'),
      now,
      options.liveInMs ?? 60_000,
    );
  return {
    status: 'seeded',
    campaigns: PAST.length + (options.liveInMs === null ? 0 : 1),
    messages,
  };
}

/** The A/B campaign sends its test share first; the data then names the winner (or nobody). */
function storiesOf(
  index: number,
  past: PastCampaign,
  recipients: readonly string[],
  launchedAt: Date,
) {
  const rates = Object.fromEntries(past.variants.map((v) => [v.id, v.rates]));
  if (!past.abTest)
    return {
      stories: campaignStories(index + 1, recipients, launchedAt, rates),
      winner: undefined,
    };
  const testSize = Math.round(recipients.length * 0.2);
  const test = campaignStories(index + 1, recipients.slice(0, testSize), launchedAt, rates);
  const decision = decideAbTest(
    past.variants.map((v) => {
      const of = test.filter((s) => s.variantId === v.id);
      return { variant: v.id, trials: of.length, successes: of.filter((s) => s.clickedAt).length };
    }),
    { significance: 0.05, minimumSamplePerVariant: 30 },
  );
  const won = decision.outcome === 'winner' ? decision.best : null;
  const best = decision.outcome === 'not-enough-data' ? undefined : decision.comparisons[0];
  // No winner: the rest get the first variant, the control.
  const rest = won ?? past.variants[0].id;
  const restAt = new Date(launchedAt.getTime() + DAY);
  const rest_ = campaignStories(index + 101, recipients.slice(testSize), restAt, {
    [rest]: rates[rest],
  });
  return { stories: [...test, ...rest_], winner: { id: won, pValue: best ? best.pValue : null } };
}

function messageAppend(
  tenant: string,
  campaignId: string,
  story: RecipientStory,
  meta: { tenant: string; actor: string; correlationId: string },
): StreamAppend {
  const messageId = ledgerMessageId(tenant, campaignId, story.contactId, BROADCAST_STEP);
  const ref = { messageId, campaignId, contactId: story.contactId, channel: 'email' as const };
  const at = (d: Date) => d.toISOString();
  const steps: DatedCommand<MessageCommand>[] = [
    {
      command: {
        type: 'DispatchMessage',
        data: { ...ref, step: BROADCAST_STEP, variantId: story.variantId, at: at(story.sentAt) },
      },
      at: at(story.sentAt),
    },
    {
      command: {
        type: 'RecordSent',
        data: { providerMessageId: `demo-${messageId}`, at: at(story.sentAt) },
      },
      at: at(story.sentAt),
    },
  ];
  if (story.bouncedAt)
    steps.push({
      command: {
        type: 'RecordBounce',
        data: { kind: 'hard', code: '550', text: 'mailbox unavailable', at: at(story.bouncedAt) },
      },
      at: at(story.bouncedAt),
    });
  if (story.openedAt)
    steps.push({
      command: {
        type: 'RecordOpen',
        data: { at: at(story.openedAt), userAgentClass: 'human', countsInRates: true },
      },
      at: at(story.openedAt),
    });
  if (story.clickedAt)
    steps.push({
      command: {
        type: 'RecordClick',
        data: {
          linkIndex: 0,
          url: SHOP,
          at: at(story.clickedAt),
          userAgentClass: 'human',
          countsInRates: true,
        },
      },
      at: at(story.clickedAt),
    });
  if (story.unsubscribedAt)
    steps.push({
      command: { type: 'RecordUnsubscribe', data: { at: at(story.unsubscribedAt) } },
      at: at(story.unsubscribedAt),
    });
  const events: NewEvent[] = datedDecisions(messageDecider, steps, meta);
  return { stream: { tenant, id: STREAM.message(messageId) }, events, expected: 'no-stream' };
}

async function scheduleLiveCampaign(
  commands: AggregateCommands,
  tenant: string,
  templateId: string,
  now: Date,
  inMs: number,
) {
  const campaignId = deterministicId(tenant, 'demo-campaign', 'live');
  const stream = STREAM.campaign(campaignId);
  const caller = { tenant, actor: ACTOR };
  const definition = {
    name: 'Service plan for new car owners',
    kind: { type: 'broadcast' },
    channel: 'email',
    audience: { segmentId: segmentIdOf(tenant, 'Bought a car in the last 30 days') },
    variants: [{ id: 'A', templateId, templateVersion: 1, sharePercent: 100 }],
    cost: { amountMinor: 80_00, currency: 'EUR' },
    sender: SENDER,
  };
  await commands.execute(
    campaignDecider,
    stream,
    { type: 'CreateCampaign', data: { campaignId, definition } },
    caller,
  );
  const sendAt = new Date(now.getTime() + inMs).toISOString();
  await commands.execute(
    campaignDecider,
    stream,
    { type: 'ScheduleCampaign', data: { sendAt, at: now.toISOString() } },
    caller,
  );
}

const segmentIdOf = (tenant: string, name: string) => {
  if (!DEMO_SEGMENTS.some((s) => s.name === name)) throw new Error(`no demo segment named ${name}`);
  return deterministicId(tenant, 'demo-segment', name);
};

/** The tenant's contacts with email consent and an address, once the audience stops growing. */
async function reachableContacts(
  pool: Pool,
  tenant: string,
  options: DemoCampaignsOptions,
): Promise<string[]> {
  const deadline = Date.now() + (options.waitForAudienceMs ?? 600_000);
  const settle = options.settleMs ?? 5_000;
  const query = () =>
    pool.query<{ contact_id: string }>(
      `SELECT contact_id FROM ${S}.audience_contacts
        WHERE tenant = $1 AND email IS NOT NULL AND consent->>'email' = 'granted'
        ORDER BY contact_id`,
      [tenant],
    );
  let seen = -1;
  let stableSince = Date.now();
  for (;;) {
    const { rows } = await query();
    if (rows.length !== seen) {
      seen = rows.length;
      stableSince = Date.now();
    } else if (rows.length > 0 && Date.now() - stableSince >= settle)
      return rows.map((r) => r.contact_id);
    if (Date.now() > deadline) return rows.map((r) => r.contact_id);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
