/**
 * Conversion with CONTACTS_URL set: the contact and company are created through the contacts
 * service's REST API (PUT create-if-absent under the conversion's ids) with the converting user's
 * token. A small HTTP server stands in for that API here, recording exactly what sales sends it;
 * lead-conversion-process.e2e.spec.ts runs the same against the real contacts service.
 */
import { ManualClock } from '@crm/platform';
import { parseEmail, parsePhoneNumber } from '@crm/values';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAR_PIPELINE } from '../testing/fixtures';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

/** The contacts service's own rules for contact details: the same parsers, from @crm/values. */
function contactsRefusal(body: any): string | undefined {
  try {
    for (const e of body.emails ?? []) parseEmail(e.address, 'emails[].address');
    for (const p of body.phones ?? []) parsePhoneNumber(p.number, 'phones[].number');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

interface Recorded {
  method: string;
  /** The collection (`/companies`, `/contacts`); `id` the record the request names. */
  path: string;
  id: string;
  idempotencyKey?: string;
  authorization?: string;
  body: any;
}

// The literal dates below are in the future of this pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('lead conversion through the contacts API', () => {
  let t: SalesTestApp;
  let server: Server;
  const recorded: Recorded[] = [];
  /** The stand-in refuses every contact (not company) while set. */
  let refuse = false;

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const [, collection, id] = req.url!.split('/');
      const body = raw ? JSON.parse(raw) : undefined;
      recorded.push({
        method: req.method!,
        path: `/${collection}`,
        id,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        authorization: req.headers.authorization,
        body,
      });
      const refusal =
        req.method !== 'PUT'
          ? undefined
          : refuse && collection === 'contacts'
            ? 'email bounced before'
            : contactsRefusal(body);
      res.setHeader('content-type', refusal ? 'application/problem+json' : 'application/json');
      res.statusCode = refusal ? 422 : req.method === 'PUT' ? 201 : 200;
      res.end(
        JSON.stringify(refusal ? { title: 'Invalid Email', detail: refusal } : { id, version: 1 }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.CONTACTS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await startSalesTestApp({}, { clock });
  });
  afterAll(async () => {
    delete process.env.CONTACTS_URL;
    await t?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const newPipeline = async (): Promise<string> =>
    (
      await t.request('POST', '/pipelines', {
        as: { roles: ['sales-manager'] },
        body: CAR_PIPELINE,
      })
    ).body.id;
  const qualifiedLead = async (profile: object) => {
    const id = (await t.request('POST', '/leads', { body: { source: 'referral', profile } })).body
      .id;
    await t.request('POST', `/leads/${id}/work`, { body: {} });
    await t.request('POST', `/leads/${id}/qualify`);
    return id;
  };
  const convert = (leadId: string, pipelineId: string, headers: Record<string, string> = {}) =>
    t.request('POST', `/leads/${leadId}/convert`, {
      headers,
      body: {
        opportunity: {
          pipelineId,
          amountMinor: 1,
          currency: 'EUR',
          expectedCloseDate: '2027-01-01',
        },
      },
    });

  it('creates the company, then the contact linked to it, and converts the lead onto them', async () => {
    const pipelineId = await newPipeline();
    const leadId = await qualifiedLead({
      name: 'Ada King Lovelace',
      email: 'ada@example.com',
      phone: '+4915112345678',
      company: 'Engines Ltd',
    });
    const res = await convert(leadId, pipelineId);
    expect(res.status).toBe(200);
    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /companies',
      'PUT /contacts',
    ]);
    const [company, contact] = recorded;
    expect(company.body).toEqual({ name: 'Engines Ltd' });
    expect(contact.body).toEqual({
      name: { given: 'Ada King', family: 'Lovelace' },
      emails: [{ address: 'ada@example.com' }],
      phones: [{ number: '+4915112345678' }],
      companyId: company.id,
      ownerId: 'rep-1',
    });
    expect(contact.authorization).toMatch(/^Bearer /);
    // One key per step of this conversion, so the contacts service can tell a retry of it.
    expect(company.idempotencyKey).toBe(`${res.body.conversionId}/create-company`);
    expect(contact.idempotencyKey).toBe(`${res.body.conversionId}/create-contact`);
    // The conversion created both in the contacts service, under the ids it recorded first.
    expect(res.body).toMatchObject({
      status: 'converted',
      contactId: contact.id,
      contactCreated: true,
      companyId: company.id,
      companyCreated: true,
    });
    const deal = (await t.request('GET', `/opportunities/${res.body.opportunityId}`)).body;
    expect(deal).toMatchObject({ contactId: contact.id, companyId: company.id });

    // The lead in sales now points at the contact that exists in the contacts service.
    expect((await t.request('GET', `/leads/${leadId}`)).body).toMatchObject({
      status: 'converted',
      contactId: contact.id,
    });
    expect((await t.request('GET', `/leads/${leadId}/conversion`)).body).toMatchObject({
      status: 'completed',
      stepsDone: [
        'record-decision',
        'create-company',
        'create-contact',
        'open-opportunity',
        'record-conversion',
      ],
      attempts: 0,
    });
  });

  it('answers a retry of a committed conversion 200 with the same ids, and creates nothing again', async () => {
    const pipelineId = await newPipeline();
    const leadId = await qualifiedLead({ name: 'Retry Twice', company: 'Retries Ltd' });
    const first = await convert(leadId, pipelineId);
    expect(first.status).toBe(200);
    recorded.length = 0;
    const retry = await convert(leadId, pipelineId);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body });
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(recorded).toHaveLength(0);

    // Another request for the converted lead is not a retry of it.
    const other = await t.request('POST', `/leads/${leadId}/convert`, {
      body: {
        opportunity: {
          pipelineId,
          amountMinor: 2,
          currency: 'EUR',
          expectedCloseDate: '2027-01-01',
        },
      },
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      type: '/problems/lead-already-converted',
      opportunityId: first.body.opportunityId,
    });
  });

  it('passes a refusal of the contacts service on as a 422 and writes nothing', async () => {
    const pipelineId = (await t.request('GET', '/pipelines')).body.items[0].id;
    const leadId = await qualifiedLead({
      name: 'Bounce',
      email: 'bounce@example.com',
      company: 'Bounce Ltd',
    });
    recorded.length = 0;
    const deals = async () =>
      (await t.request('GET', '/opportunities/mine')).body.items.length as number;
    const dealsBefore = await deals();
    refuse = true;
    try {
      const res = await convert(leadId, pipelineId);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        type: expect.stringMatching(/contact-creation-refused/),
        upstreamStatus: 422,
      });
    } finally {
      refuse = false;
    }
    // The company it had created is archived again: nothing of the refused conversion is left.
    expect(recorded.map((r) => `${r.method} ${r.path}/${r.id}`)).toEqual([
      `PUT /companies/${recorded[0].id}`,
      `PUT /contacts/${recorded[1].id}`,
      `DELETE /companies/${recorded[0].id}`,
    ]);
    expect(recorded[2].idempotencyKey).toMatch(/\/create-company\/undo$/);
    expect((await t.request('GET', `/leads/${leadId}`)).body.status).toBe('qualified');
    expect((await t.request('GET', `/leads/${leadId}/conversion`)).body).toMatchObject({
      status: 'compensated',
      compensated: ['create-company', 'record-decision'],
      refusal: { status: 422, upstreamStatus: 422 },
    });
    expect(await deals()).toBe(dealsBefore);
  });

  // Sales used to take `a@b.c` and phones of 7+ digits without separators, contacts refused the one
  // and took the other with spaces: a qualified lead could fail to convert. Both now parse with
  // @crm/values, and sales stores the parsed form, which the same parser takes back unchanged.
  it('never has a detail refused on conversion that it accepted on capture', async () => {
    const capture = (profile: object) =>
      t.request('POST', '/leads', { body: { source: 'referral', profile } });
    const refused = await capture({ name: 'Tiny', email: 'a@b.c' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/invalid-email$/),
      errors: [expect.objectContaining({ field: 'profile.email' })],
    });

    const pipelineId = (await t.request('GET', '/pipelines')).body.items[0].id;
    const leadId = await qualifiedLead({
      name: 'Grace Hopper',
      email: ' Grace.Hopper@Navy.Example.COM ',
      phone: '+49 151 1234 5678',
    });
    recorded.length = 0;
    const res = await convert(leadId, pipelineId);
    expect(res.status).toBe(200);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].body).toMatchObject({
      emails: [{ address: 'grace.hopper@navy.example.com' }],
      phones: [{ number: '+4915112345678' }],
    });
    expect((await t.request('GET', `/leads/${leadId}`)).body.status).toBe('converted');
  });

  // RFC 9110 13.1.1: If-Match compares strongly (a weak tag never matches); `*` needs the lead
  // to exist; a list matches when it names the current version.
  it('reads If-Match as RFC 9110 does, on lead commands and on the conversion', async () => {
    const pipelineId = await newPipeline();
    const captured = await t.request('POST', '/leads', {
      body: { source: 'referral', profile: { name: 'Tag Checker' } },
    });
    const { id, version } = captured.body as { id: string; version: number };
    const tag = (v: number) => `"${v}"`;
    const command = (action: string, ifMatch: string, leadId = id) =>
      t.request('POST', `/leads/${leadId}/${action}`, { headers: { 'if-match': ifMatch } });

    const weak = await command('work', `W/${tag(version)}`);
    expect(weak.status).toBe(412);
    expect(weak.body.type).toBe('/problems/precondition-failed');
    expect((await command('work', `"99", ${tag(version)}`)).status).toBe(200);
    expect((await command('qualify', `${tag(version)}, "99"`)).status).toBe(412);
    expect((await command('qualify', '*', 'no-such-lead')).status).toBe(412);
    expect((await command('qualify', '*')).status).toBe(200);

    recorded.length = 0;
    const qualified = tag(version + 2);
    expect((await convert(id, pipelineId, { 'if-match': `W/${qualified}` })).status).toBe(412);
    expect(recorded).toHaveLength(0);
    const converted = await convert(id, pipelineId, { 'if-match': `"1", ${qualified}` });
    expect(converted.status).toBe(200);
    // The decision and the conversion: two events on the lead.
    expect(converted.headers.etag).toBe(tag(version + 4));
  });

  it('answers a GET of a lead whose ETag the client holds with 304 and no body', async () => {
    const id = (
      await t.request('POST', '/leads', {
        body: { source: 'referral', profile: { name: 'Cache Holder' } },
      })
    ).body.id;
    const fresh = await t.request('GET', `/leads/${id}`);
    expect(fresh.status).toBe(200);
    const etag = fresh.headers.etag as string;
    const revalidated = await t.request('GET', `/leads/${id}`, {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.body).toBeUndefined();

    await t.request('POST', `/leads/${id}/work`, { body: {} });
    const changed = await t.request('GET', `/leads/${id}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('working');
  });

  it('says it created nothing when it linked the contact and company the request named', async () => {
    const pipelineId = await newPipeline();
    const leadId = await qualifiedLead({ name: 'Known Person', company: 'Known Ltd' });
    recorded.length = 0;
    const res = await t.request('POST', `/leads/${leadId}/convert`, {
      body: {
        existingContactId: 'contact-known',
        existingCompanyId: 'company-known',
        opportunity: {
          pipelineId,
          amountMinor: 1,
          currency: 'EUR',
          expectedCloseDate: '2027-01-01',
        },
      },
    });
    expect(res.status).toBe(200);
    expect(recorded).toHaveLength(0);
    expect(res.body).toMatchObject({
      contactId: 'contact-known',
      contactCreated: false,
      companyId: 'company-known',
      companyCreated: false,
    });
  });

  it('documents in OpenAPI the mechanism the code uses (the contacts REST API, not an event)', async () => {
    const doc = (await t.request('GET', '/docs-json')).body;
    const convert = doc.paths['/leads/{leadId}/convert'].post;
    expect(convert.description).toMatch(/contacts service's REST API/);
    expect(convert.description).not.toMatch(/from the lead\.converted event/);
    const answer = doc.components.schemas.LeadConvertedDto.properties;
    expect(Object.keys(answer)).toEqual(
      expect.arrayContaining(['contactCreated', 'companyCreated']),
    );
  });
});
