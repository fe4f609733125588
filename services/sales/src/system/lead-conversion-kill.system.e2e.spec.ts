/**
 * Lead conversions under real SIGKILLs (issue 13): the contacts and sales services as processes,
 * leads converting 10 at a time, one service killed mid-way and started again, the client
 * retrying what did not answer 200, as a user would. Each lead ends with exactly one contact,
 * one company, one opportunity and one LeadConverted, and a retry of a committed conversion
 * answers 200 with the same ids. Runs on the embedded transport and, with a broker, on Kafka.
 */
import { describeWithKafka } from '@crm/testing';
import { Pool } from 'pg';
import { CAR_PIPELINE } from '../testing/fixtures';
import {
  startRunningCrm,
  STARTUP_TIMEOUT_MS,
  type RunningCrm,
  type ServiceName,
} from '@crm/platform/testing';

const LEADS_PER_KILL = 30;
const AT_ONCE = 10;
const SETTLE_TIMEOUT_MS = 90_000;
const TEST_TIMEOUT_MS = 2 * STARTUP_TIMEOUT_MS + 2 * SETTLE_TIMEOUT_MS + 60_000;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Converted {
  status: number;
  body?: any;
}

function conversionKillSpec(kafkaBrokers: () => string[] | undefined) {
  let crm: RunningCrm;
  let db: Pool;
  let pipelineId: string;

  beforeAll(async () => {
    crm = await startRunningCrm(kafkaBrokers(), {
      // A killed run's process is taken over 2 s later; the resumer looks every 500 ms.
      sales: { SALES_PROCESS_LEASE_MS: '2000', SALES_PROCESS_RESUME_POLL_MS: '500' },
    });
    db = new Pool({ connectionString: crm.databaseUrl, max: 2 });
    pipelineId = (
      await crm.sales.request('POST', '/pipelines', {
        as: { roles: ['sales-manager'], sub: 'boss' },
        body: CAR_PIPELINE,
      })
    ).body.id;
  }, STARTUP_TIMEOUT_MS + 10_000);
  afterAll(async () => {
    await db?.end();
    await crm?.stop();
  }, 30_000);

  const qualifiedLead = async (i: string): Promise<string> => {
    const id = (
      await crm.sales.request('POST', '/leads', {
        body: {
          source: 'web_form',
          profile: {
            name: `Kill Test ${i}`,
            email: `kill.${i.replace(' ', '.')}@example.com`,
            company: `Kill ${i} GmbH`,
          },
        },
      })
    ).body.id;
    await crm.sales.request('POST', `/leads/${id}/work`, { body: {} });
    await crm.sales.request('POST', `/leads/${id}/qualify`);
    return id;
  };
  const convertOnce = async (leadId: string): Promise<Converted> => {
    try {
      return await crm.sales.request('POST', `/leads/${leadId}/convert`, {
        body: {
          opportunity: {
            pipelineId,
            amountMinor: 100,
            currency: 'EUR',
            expectedCloseDate: inDays(90),
          },
        },
      });
    } catch {
      return { status: 0 }; // the connection died with the process
    }
  };
  /** What a user does: retry until the conversion answers 200 (bounded). */
  const convertUntilDone = async (leadId: string, deadline: number): Promise<Converted> => {
    for (;;) {
      const answer = await convertOnce(leadId);
      if (answer.status === 200 || Date.now() > deadline) return answer;
      await sleep(500);
    }
  };
  const count = async (sql: string) =>
    Number((await db.query<{ n: string }>(sql, [crm.tenant])).rows[0].n);
  const totals = async () => ({
    contacts: await count(
      `SELECT count(*) AS n FROM contacts.events WHERE tenant = $1 AND type = 'ContactRegistered'`,
    ),
    companies: await count(
      `SELECT count(*) AS n FROM contacts.events WHERE tenant = $1 AND type = 'CompanyRegistered'`,
    ),
    opportunities: await count(
      `SELECT count(*) AS n FROM sales.events WHERE tenant = $1 AND type = 'OpportunityOpened'`,
    ),
    conversions: await count(
      `SELECT count(*) AS n FROM sales.events WHERE tenant = $1 AND type = 'LeadConverted'`,
    ),
  });

  it.each<ServiceName>(['contacts', 'sales'])(
    'SIGKILL of %s while leads convert: one contact, company, opportunity and conversion per lead',
    async (victim) => {
      const before = await totals();
      const leads: string[] = [];
      for (let i = 0; i < LEADS_PER_KILL; i++) leads.push(await qualifiedLead(`${victim} ${i}`));

      // Convert AT_ONCE at a time; kill the victim once the first conversions have answered.
      let answered = 0;
      let killed: Promise<void> | undefined;
      const first = new Map<string, Converted>();
      const queue = [...leads];
      await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          for (let leadId = queue.shift(); leadId; leadId = queue.shift()) {
            first.set(leadId, await convertOnce(leadId));
            if (++answered === AT_ONCE / 2) killed = crm.kill(victim);
          }
        }),
      );
      await killed;
      const failed = [...first.values()].filter((a) => a.status !== 200).length;
      await crm.restart(victim);

      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      const settled = await Promise.all(leads.map((id) => convertUntilDone(id, deadline)));
      expect(settled.map((a) => a.status)).toEqual(leads.map(() => 200));
      // The kill did hit conversions in flight (else this proves nothing), and each answer that
      // came before it still names the same records.
      expect(failed).toBeGreaterThan(0);
      leads.forEach((id, i) => {
        const early = first.get(id)!;
        if (early.status === 200) expect(settled[i].body).toEqual(early.body);
      });
      expect(new Set(settled.map((a) => a.body.contactId)).size).toBe(LEADS_PER_KILL);

      const n = LEADS_PER_KILL;
      expect(await totals()).toEqual({
        contacts: before.contacts + n,
        companies: before.companies + n,
        opportunities: before.opportunities + n,
        conversions: before.conversions + n,
      });
      // Nothing left half-done: no process pending, compensating or failed.
      expect(
        await count(
          `SELECT count(*) AS n FROM sales.process_instances WHERE tenant = $1 AND status <> 'completed'`,
        ),
      ).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
}

describe('lead conversion under SIGKILL on the embedded transport (system e2e)', () => {
  conversionKillSpec(() => undefined);
});

describeWithKafka('lead conversion under SIGKILL on Kafka (system e2e)', ({ brokers }) => {
  conversionKillSpec(brokers);
});
