/**
 * Loads the demo data set into a running contacts app through the same command path as the API
 * (deciders, crypto-shredding, projections, relay), with a progress bar. Skipped when the demo
 * tenant already has contacts, so `npm start -- --seed` can be repeated.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { categoryOf, comparePositions, type Position } from '@crm/event-sourcing';
import {
  PG_POOL,
  AggregateCommands,
  ReadModels,
  CLOCK,
  todayUtc,
  type Clock,
  type CommandCaller,
} from '@crm/platform';
import { SingleBar } from 'cli-progress';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { companyDecider } from '../companies/company.decider';
import { consentDecider } from '../consent/consent.decider';
import { consentStreamId } from '../consent/consent.service';
import { contactDecider } from '../contacts/contact.decider';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { interactionDecider } from '../interactions/interaction.decider';
import { demoCompanies, demoContacts } from './demo-data';

const SEED_CONCURRENCY = 8;

async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export interface DemoSeedOptions {
  readonly tenant?: string;
  readonly contacts?: number;
  readonly companies?: number;
  readonly output?: NodeJS.WritableStream;
}

export async function seedDemoData(
  app: INestApplicationContext,
  options: DemoSeedOptions = {},
): Promise<{ skipped: boolean; contacts: number }> {
  const tenant = options.tenant ?? 'acme';
  const pool = app.get<Pool>(PG_POOL);
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${CONTACTS_SCHEMA}.contact_list WHERE tenant = $1`,
    [tenant],
  );
  if (rows[0].n > 0) return { skipped: true, contacts: rows[0].n };

  const aggregates = app.get(AggregateCommands);
  const clock = app.get<Clock>(CLOCK);
  const caller: CommandCaller = { tenant, actor: 'system:demo-seed' };
  const companies = demoCompanies(options.companies ?? 150);
  const contacts = demoContacts(options.contacts ?? 3000, companies.length);
  const total = companies.length + contacts.length;
  const bar = new SingleBar({
    format: 'demo data [{bar}] {percentage}% | {value}/{total} companies+contacts | ETA {eta}s',
    stream: options.output ?? process.stdout,
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  bar.start(total, 0);
  // Outside a request nothing waits for the read models; the seed does, once, at its end.
  // Per stream category: a read model's checkpoint only passes the events it reads.
  const last = new Map<string, Position>();
  const track = (streamId: string, result: { lastPosition?: Position }) => {
    const category = categoryOf(streamId);
    const before = last.get(category);
    if (result.lastPosition && (!before || comparePositions(result.lastPosition, before) > 0))
      last.set(category, result.lastPosition);
  };
  try {
    const companyIds: string[] = [];
    for (const company of companies) {
      const companyId = randomUUID();
      track(
        `company-${companyId}`,
        await aggregates.execute(
          companyDecider,
          `company-${companyId}`,
          { type: 'RegisterCompany', data: { companyId, ...company } },
          caller,
        ),
      );
      companyIds.push(companyId);
      bar.increment();
    }
    const now = clock.now().getTime();
    // Every person is their own streams, so several can be written at once; commit latency
    // (fsync), not CPU, is what bounds a sequential loader.
    await inParallel(contacts, SEED_CONCURRENCY, async (person) => {
      const contactId = randomUUID();
      track(
        `contact-${contactId}`,
        await aggregates.execute(
          contactDecider,
          `contact-${contactId}`,
          {
            type: 'RegisterContact',
            data: {
              contactId,
              name: { given: person.given, family: person.family },
              emails: [{ address: person.email, label: 'work' }],
              phones: person.phone ? [{ number: person.phone, label: 'office' }] : [],
              tags: person.tags,
              lifecycleStage: person.stage,
              ...(person.companyIndex !== undefined
                ? { companyId: companyIds[person.companyIndex] }
                : {}),
              ownerId: `user-${(person.email.length % 5) + 1}`,
              customFieldCatalogue: {},
              today: todayUtc(clock),
            },
          },
          caller,
        ),
      );
      if (person.emailConsent) {
        const at = new Date(now - 400 * 86_400_000).toISOString();
        track(
          consentStreamId(contactId),
          await aggregates.execute(
            consentDecider,
            consentStreamId(contactId),
            person.emailConsent === 'granted'
              ? {
                  type: 'GrantConsent',
                  data: {
                    contactId,
                    channel: 'email',
                    legalBasis: 'consent',
                    source: 'demo:web-form',
                    decidedAt: at,
                    now: new Date(now).toISOString(),
                  },
                }
              : {
                  type: 'WithdrawConsent',
                  data: {
                    contactId,
                    channel: 'email',
                    source: 'demo:unsubscribe',
                    decidedAt: at,
                    now: new Date(now).toISOString(),
                  },
                },
            caller,
          ),
        );
      }
      for (const interaction of person.interactions) {
        const interactionId = randomUUID();
        const occurredAt = new Date(now - interaction.daysAgo * 86_400_000).toISOString();
        track(
          `interaction-${interactionId}`,
          await aggregates.execute(
            interactionDecider,
            `interaction-${interactionId}`,
            {
              type: 'LogInteraction',
              data: {
                interactionId,
                kind: interaction.kind,
                occurredAt,
                contactIds: [contactId],
                userId: 'user-1',
                subject: interaction.subject,
                ...(interaction.kind === 'call' && person.phone
                  ? {
                      call: {
                        direction: 'outbound',
                        from: '+4930901820',
                        to: person.phone,
                        startedAt: occurredAt,
                        durationSeconds: 300,
                        outcome: 'connected',
                      },
                    }
                  : interaction.kind === 'call'
                    ? { kind: 'note' as const }
                    : {}),
                ...(interaction.kind === 'feedback'
                  ? { feedback: { category: 'feedback', rating: 4 } }
                  : {}),
                now: new Date(now).toISOString(),
              },
            },
            caller,
          ),
        );
      }
      bar.increment();
    });
  } finally {
    bar.stop();
  }
  await visibleInReadModels(app.get(ReadModels), last);
  return { skipped: false, contacts: contacts.length };
}

/** Waits (up to a minute) until every read model shows the seed, so "loaded" means visible. */
async function visibleInReadModels(readModels: ReadModels, last: ReadonlyMap<string, Position>) {
  for (const [category, position] of last) {
    for (let tries = 0; tries < 12; tries++) {
      if (await readModels.caughtUp(position, category)) break;
    }
  }
}
