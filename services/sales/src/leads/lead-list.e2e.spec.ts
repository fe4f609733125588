/**
 * Issue 12: `GET /leads` filters, searches, sorts and pages leads with signed cursors, per
 * tenant (it paged by offset, without search or sort, and answered a bare array).
 */
import { ManualClock } from '@crm/platform';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';
import { LEAD_SORTS } from './lead.dto';

const clock = new ManualClock('2026-10-15T12:00:00Z');
const alice = { sub: 'alice' };
const bob = { sub: 'bob' };

interface LeadItem {
  id: string;
  name: string;
  score: number;
  capturedAt: string;
  updatedAt: string;
}

describe('GET /leads (e2e)', () => {
  let t: SalesTestApp;
  const names = async (query: string, as: object = alice): Promise<string[]> => {
    const res = await t.request('GET', `/leads?${query}`, { as });
    expect([query, res.status]).toEqual([query, 200]);
    return res.body.items.map((lead: LeadItem) => lead.name).sort();
  };

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    const capture = async (body: object) => {
      clock.advance(60_000); // distinct capture times, so the time sorts have an order to check
      const res = await t.request('POST', '/leads', { as: alice, body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    // Scores (lead-scoring.ts): Ada 30, Grace 45, Cold 0, Charles 15, Edsger 10.
    await capture({
      source: 'web_form',
      ownerId: 'alice',
      profile: { name: 'Ada Lovelace', email: 'ada@engines.example', company: 'Engines Ltd' },
    });
    const grace = await capture({
      source: 'referral',
      ownerId: 'bob',
      profile: { name: 'Grace Hopper', email: 'grace@navy.example', jobTitle: 'Head of Fleet' },
    });
    await capture({ source: 'import', profile: { name: 'Cold Lead' } });
    await capture({
      source: 'manual',
      ownerId: 'bob',
      profile: { name: 'Charles Babbage', company: 'Difference 100% Engines' },
    });
    await capture({ source: 'web_form', profile: { name: 'Edsger Dijkstra' } });
    clock.advance(60_000);
    expect((await t.request('POST', `/leads/${grace}/work`, { as: bob, body: {} })).status).toBe(
      200,
    );
  });
  afterAll(() => t?.close());

  it('answers { items, nextCursor } whose items are shaped like GET /leads/{id}, named id', async () => {
    const res = await t.request('GET', '/leads', { as: alice });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.nextCursor).toBeNull();
    const first = res.body.items[0];
    expect(first.leadId).toBeUndefined();
    const one = (await t.request('GET', `/leads/${first.id}`, { as: alice })).body;
    expect(one).toMatchObject(first);
    expect(one.leadId).toBeUndefined();
    // Default: best score first.
    const scores = res.body.items.map((l: LeadItem) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each([
    ['status=working', ['Grace Hopper'], 'status=converted'],
    ['source=web_form', ['Ada Lovelace', 'Edsger Dijkstra'], 'source=campaign'],
    ['ownerId=bob', ['Charles Babbage', 'Grace Hopper'], 'ownerId=carol'],
    ['minScore=30', ['Ada Lovelace', 'Grace Hopper'], 'minScore=46'],
    ['maxScore=10', ['Cold Lead', 'Edsger Dijkstra'], 'maxScore=10&ownerId=alice'],
    ['minScore=10&maxScore=20', ['Charles Babbage', 'Edsger Dijkstra'], 'minScore=16&maxScore=29'],
    ['q=ada', ['Ada Lovelace'], 'q=zuse'],
    ['q=ENGINES', ['Ada Lovelace', 'Charles Babbage'], 'q=engines%20grace'],
    ['q=navy.example', ['Grace Hopper'], 'q=navy%20ltd'],
    ['q=100%25', ['Charles Babbage'], 'q=1_0'],
    ['q=engines&ownerId=bob', ['Charles Babbage'], 'q=engines&status=working'],
  ])('%s narrows to %j; %s matches none', async (filter, expected, none) => {
    expect(await names(filter)).toEqual(expected);
    expect(await names(none)).toEqual([]);
  });

  it.each(LEAD_SORTS)('sort=%s pages through every lead exactly once, in order', async (sort) => {
    const seen: LeadItem[] = [];
    let cursor: string | null = null;
    do {
      const url = `/leads?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request('GET', url, { as: alice });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((l) => l.id)).size).toBe(5);
    const field = sort.replace('-', '') as 'score' | 'capturedAt' | 'updatedAt' | 'name';
    const key = (l: LeadItem) =>
      field === 'score'
        ? String(l.score).padStart(3, '0')
        : field === 'name'
          ? l.name.toLowerCase()
          : l[field];
    const sign = sort.startsWith('-') ? -1 : 1;
    const expected = [...seen].sort(
      (a, b) => sign * (key(a).localeCompare(key(b)) || (a.id < b.id ? -1 : 1)),
    );
    expect(seen.map((l) => l.name)).toEqual(expected.map((l) => l.name));
  });

  it('updatedAt moves with the last change; capturedAt stays', async () => {
    const [grace] = (await t.request('GET', '/leads?status=working', { as: alice })).body.items;
    expect(Date.parse(grace.updatedAt)).toBeGreaterThan(Date.parse(grace.capturedAt));
    const newest = (await t.request('GET', '/leads?sort=-updatedAt&limit=1', { as: alice })).body;
    expect(newest.items[0].name).toBe('Grace Hopper');
  });

  it('a tampered cursor or one from another sort is a 400 naming cursor', async () => {
    const first = await t.request('GET', '/leads?sort=name&limit=2', { as: alice });
    const cursor: string = first.body.nextCursor;
    expect(
      (await t.request('GET', `/leads?sort=name&cursor=${cursor}`, { as: alice })).status,
    ).toBe(200);
    const tampered = `${cursor.slice(0, -1)}${cursor.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [
      `/leads?sort=name&cursor=${tampered}`,
      `/leads?sort=-name&cursor=${cursor}`,
      `/leads?cursor=${cursor}`,
      `/opportunities?cursor=${cursor}`,
      '/leads?cursor=WyJ4IiwieSJd',
    ]) {
      const res = await t.request('GET', url, { as: alice });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it.each([
    ['sort', 'sort=score,name'],
    ['minScore', 'minScore=101'],
    ['maxScore', 'maxScore=x'],
    ['status', 'status=hot'],
    ['source', 'source=fax'],
    ['offset', 'offset=10'],
  ])('a bad %s is a 400 naming it', async (field, query) => {
    const res = await t.request('GET', `/leads?${query}`, { as: alice });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual([field]);
  });

  it('the OpenAPI document lists the query parameters and the page type', async () => {
    const doc = (await t.request('GET', '/docs-json')).body;
    const list = doc.paths['/leads'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'sort',
        'cursor',
        'limit',
        'q',
        'status',
        'source',
        'ownerId',
        'minScore',
        'maxScore',
      ]),
    );
    expect(list.responses['200'].content['application/json'].schema.$ref).toMatch(/LeadPage$/);
  });

  it("tenant B sees none of tenant A's leads, searched or not; tenant A still does", async () => {
    expect(await names('q=ada', { ...alice, tenant: 'tenant-b' })).toEqual([]);
    expect(await names('', { ...alice, tenant: 'tenant-b' })).toEqual([]);
    expect(await names('q=ada', alice)).toEqual(['Ada Lovelace']);
  });
});
