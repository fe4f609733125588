/**
 * Lead conversion as a process against the real contacts service (its own Node process, started
 * by path, on the same database in its own schema). A hook in the process runner crashes the run
 * at every step boundary, before and after each step's effect; the next request (or the
 * background resumer) finishes the conversion, and every time the end state is exactly one
 * contact, at most one company, one opportunity and one LeadConverted. Also: concurrent
 * conversions of one lead, and the contacts service down mid-conversion.
 */
import { ManualClock, ProcessCrash, mintDevToken, type StepPoint } from '@crm/platform';
import { Pool } from 'pg';
import { SalesProcesses } from '../infrastructure/processes';
import { PipelineErrors } from '../pipelines/pipeline.errors';
import { freePort, startServiceProcess, type ServiceProcess } from '@crm/platform/testing';
import { CAR_PIPELINE } from '../testing/fixtures';
import {
  SALES_TEST_JWT_SECRET,
  startSalesTestApp,
  type SalesTestApp,
} from '../testing/sales-test-app';

const STARTUP_MS = 60_000;
const TENANT = 'tenant-a';
const STEPS = [
  'record-decision',
  'create-company',
  'create-contact',
  'open-opportunity',
  'record-conversion',
];
// The literal close date below is in the future of this pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('lead conversion process with the real contacts service', () => {
  let contacts: ServiceProcess;
  let contactsPort: number;
  let t: SalesTestApp;
  let db: Pool;
  let processes: SalesProcesses;
  let pipelineId: string;

  const startContacts = async () => {
    contacts = startServiceProcess('contacts', contactsPort, {
      DATABASE_URL: t.db.url,
      JWT_SECRET: SALES_TEST_JWT_SECRET,
    });
    await contacts.ready(STARTUP_MS);
  };

  beforeAll(async () => {
    contactsPort = await freePort();
    t = await startSalesTestApp(
      {
        CONTACTS_URL: `http://127.0.0.1:${contactsPort}`,
        // Runs are taken over 300 ms after a crash; the resumer runs only when a test calls it.
        SALES_PROCESS_LEASE_MS: '300',
        SALES_PROCESS_RESUME_POLL_MS: '3600000',
      },
      { clock },
    );
    await startContacts();
    db = new Pool({ connectionString: t.db.url, max: 2 });
    processes = t.app.get(SalesProcesses);
    pipelineId = (
      await t.request('POST', '/pipelines', {
        as: { roles: ['sales-manager'] },
        body: CAR_PIPELINE,
      })
    ).body.id;
  }, STARTUP_MS + 30_000);
  afterAll(async () => {
    await contacts?.stop();
    await db?.end();
    await t?.close();
  }, 30_000);
  afterEach(() => {
    processes.runner.hooks.atStep = undefined;
  });

  const qualifiedLead = async (name: string) => {
    const id = (
      await t.request('POST', '/leads', {
        body: {
          source: 'referral',
          profile: { name, email: 'p@example.com', company: `${name} Ltd` },
        },
      })
    ).body.id;
    await t.request('POST', `/leads/${id}/work`, { body: {} });
    await t.request('POST', `/leads/${id}/qualify`);
    return id as string;
  };
  const convert = (leadId: string) =>
    t.request('POST', `/leads/${leadId}/convert`, {
      body: {
        opportunity: {
          pipelineId,
          amountMinor: 100,
          currency: 'EUR',
          expectedCloseDate: '2027-01-01',
        },
      },
    });
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
  /** Everything the conversions of the tenant made, in both services' logs. */
  const totals = async () => ({
    contacts: await count(
      `SELECT count(*) AS n FROM contacts.events WHERE tenant = $1 AND type = 'ContactRegistered'`,
      [TENANT],
    ),
    companies: await count(
      `SELECT count(*) AS n FROM contacts.events WHERE tenant = $1 AND type = 'CompanyRegistered'`,
      [TENANT],
    ),
    opportunities: await count(
      `SELECT count(*) AS n FROM sales.events WHERE tenant = $1 AND type = 'OpportunityOpened'`,
      [TENANT],
    ),
    conversions: await count(
      `SELECT count(*) AS n FROM sales.events WHERE tenant = $1 AND type = 'LeadConverted'`,
      [TENANT],
    ),
  });
  const oneMoreOfEach = (before: Awaited<ReturnType<typeof totals>>) => ({
    contacts: before.contacts + 1,
    companies: before.companies + 1,
    opportunities: before.opportunities + 1,
    conversions: before.conversions + 1,
  });
  /** The conversion's ids name records that exist in both services, linked to each other. */
  const expectLinked = async (answer: any) => {
    const token = await mintDevToken({
      tenant: TENANT,
      roles: ['sales-rep'],
      sub: 'rep-1',
      secret: SALES_TEST_JWT_SECRET,
    });
    const contact = await fetch(`${contacts.baseUrl}/contacts/${answer.contactId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(contact.status).toBe(200);
    expect(await contact.json()).toMatchObject({
      id: answer.contactId,
      companyId: answer.companyId,
    });
    const deal = await t.request('GET', `/opportunities/${answer.opportunityId}`);
    expect(deal.body).toMatchObject({ contactId: answer.contactId, companyId: answer.companyId });
  };

  const points = STEPS.flatMap((step) =>
    (['before', 'after'] as const).map((when) => ({ step, when })),
  );
  it.each(points)(
    'crashed $when $step, a retry of the request finishes it: one of each, the same ids',
    async ({ step, when }) => {
      const leadId = await qualifiedLead(`Crash ${when} ${step}`);
      const before = await totals();
      processes.runner.hooks.atStep = (point: StepPoint) => {
        if (point.step === step && point.when === when && point.phase === 'run') {
          processes.runner.hooks.atStep = undefined; // one crash, as one killed process
          throw new ProcessCrash(point);
        }
      };
      const crashed = await convert(leadId);
      expect(crashed.status).toBe(500);

      const retried = await convert(leadId);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({
        status: 'converted',
        contactCreated: true,
        companyCreated: true,
      });
      expect(await totals()).toEqual(oneMoreOfEach(before));
      await expectLinked(retried.body);
      // Answered again, later: the same ids, not 409.
      const again = await convert(leadId);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(retried.body);
    },
  );

  it.each(['create-company', 'open-opportunity'])(
    'crashed after %s, the background resumer finishes it with nobody retrying',
    async (step) => {
      const leadId = await qualifiedLead(`Resumed after ${step}`);
      const before = await totals();
      processes.runner.hooks.atStep = (point) => {
        if (point.step === step && point.when === 'after') {
          processes.runner.hooks.atStep = undefined;
          throw new ProcessCrash(point);
        }
      };
      expect((await convert(leadId)).status).toBe(500);
      const pending = await t.request('GET', `/leads/${leadId}/conversion`);
      expect(pending.body).toMatchObject({
        status: 'pending',
        stepsDone: STEPS.slice(0, STEPS.indexOf(step)),
      });
      expect((await t.request('GET', `/leads/${leadId}`)).body.status).toBe('converting');

      await new Promise((resolve) => setTimeout(resolve, 400)); // the crashed run's lease runs out
      expect(await processes.runner.resumeDue()).toBeGreaterThanOrEqual(1);
      expect((await t.request('GET', `/leads/${leadId}/conversion`)).body).toMatchObject({
        status: 'completed',
        stepsDone: STEPS,
      });
      expect(await totals()).toEqual(oneMoreOfEach(before));
      expect((await convert(leadId)).status).toBe(200);
    },
  );

  it('refused at a later step, it undoes the contact and company it created and the lead can convert again', async () => {
    const leadId = await qualifiedLead('Refused Late');
    const before = await totals();
    processes.runner.hooks.atStep = (point) => {
      // As if the pipeline had gone between the request's check and this step.
      if (point.step === 'open-opportunity' && point.phase === 'run')
        throw PipelineErrors.unknownPipeline(pipelineId);
    };
    const refused = await convert(leadId);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('/problems/unknown-pipeline');
    const conversion = (await t.request('GET', `/leads/${leadId}/conversion`)).body;
    expect(conversion).toMatchObject({
      status: 'compensated',
      compensated: ['create-contact', 'create-company', 'record-decision'],
    });
    const token = await mintDevToken({
      tenant: TENANT,
      roles: ['sales-rep'],
      secret: SALES_TEST_JWT_SECRET,
    });
    for (const path of [
      `/contacts/${conversion.contactId}`,
      `/companies/${conversion.companyId}`,
    ]) {
      const res = await fetch(`${contacts.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await res.json()) as { status: string }).status).toBe('archived');
    }
    expect((await t.request('GET', `/leads/${leadId}`)).body.status).toBe('qualified');
    expect((await totals()).opportunities).toBe(before.opportunities);

    processes.runner.hooks.atStep = undefined;
    const second = await convert(leadId);
    expect(second.status).toBe(200);
    // A new attempt, new ids: the archived records stay archived.
    expect(second.body.contactId).not.toBe(conversion.contactId);
    expect((await t.request('GET', `/leads/${leadId}/conversion`)).body).toMatchObject({
      id: second.body.conversionId,
      attempt: 2,
      status: 'completed',
    });
    expect(await totals()).toEqual({
      ...oneMoreOfEach(before),
      contacts: before.contacts + 2,
      companies: before.companies + 2,
    });
  });

  it('five concurrent conversions of one lead make one contact, company, opportunity and conversion', async () => {
    const leadId = await qualifiedLead('Five At Once');
    const before = await totals();
    const answers = await Promise.all(Array.from({ length: 5 }, () => convert(leadId)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await totals()).toEqual(oneMoreOfEach(before));
  });

  it(
    'stays visibly pending while the contacts service is down, and finishes once it is back',
    async () => {
      const leadId = await qualifiedLead('Contacts Down');
      const before = await totals();
      await contacts.kill();
      try {
        const pending = await convert(leadId);
        expect(pending.status).toBe(202);
        expect(pending.body).toMatchObject({ status: 'converting' });
        const status = (await t.request('GET', `/leads/${leadId}/conversion`)).body;
        expect(status).toMatchObject({
          status: 'pending',
          stepsDone: ['record-decision'],
          attempts: 1,
        });
        expect(status.lastError).toMatch(/contacts service did not answer/);
        const ready = (await t.request('GET', '/health/ready')).body;
        expect(JSON.stringify(ready)).toMatch(/sales\.lead-conversion/);
        const metrics = await t.app
          .getHttpAdapter()
          .getInstance()
          .inject({ method: 'GET', url: '/metrics' });
        expect(metrics.body).toMatch(
          /process_instances_unfinished\{process="sales\.lead-conversion",status="pending"\} [1-9]/,
        );
      } finally {
        await startContacts();
      }
      // The back-off after one failure is 1 s; the resumer then finishes it.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await processes.runner.resumeDue();
      const done = await convert(leadId);
      expect(done.status).toBe(200);
      expect(await totals()).toEqual(oneMoreOfEach(before));
    },
    STARTUP_MS + 30_000,
  );
});
