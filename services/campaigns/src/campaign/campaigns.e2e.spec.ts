/**
 * Campaigns over HTTP on a real database: create, read, list, merge-patch a draft with If-Match,
 * the lifecycle through schedule/launch/pause/resume/cancel with its 409s, schedule in the past,
 * unknown and other-tenant segments, the stats skeleton and tenant isolation (with the positive
 * control of the owner's own reads).
 */
import { ManualClock } from '@crm/platform';
import { CampaignLauncher } from './campaign-launcher';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';

const clock = new ManualClock('2026-09-15T12:00:00Z');
const marketer = { tenant: 'cmp-a', sub: 'mia', roles: ['marketer' as const] };
const analyst = { tenant: 'cmp-a', sub: 'ann', roles: ['analyst' as const] };
const otherTenant = { tenant: 'cmp-b', sub: 'bob', roles: ['marketer' as const] };

const fields = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field);

describe('campaigns (e2e)', () => {
  let t: CampaignsTestApp;
  let segmentId: string;
  let otherSegmentId: string;
  let archivedSegmentId: string;
  let emailA: string;
  let emailB: string;
  let smsTemplate: string;
  let theirTemplate: string;

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'Service plan for new car owners',
    kind: { type: 'broadcast' },
    channel: 'email',
    audience: { segmentId },
    variants: [
      { id: 'A', templateId: emailA, templateVersion: 1, sharePercent: 50 },
      { id: 'B', templateId: emailB, templateVersion: 1, sharePercent: 50 },
    ],
    abTest: {
      testSharePercent: 20,
      metric: 'clicked',
      significance: 0.05,
      minimumSamplePerVariant: 200,
    },
    cost: { amountMinor: 25000, currency: 'EUR' },
    sender: { name: 'Autohaus', email: 'news@autohaus.example' },
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}, as: object = marketer) => {
    const res = await t.request('POST', '/campaigns', { as, body: body(overrides) });
    expect(res.status).toBe(201);
    return res;
  };
  const segment = async (as: object, name: string) => {
    const res = await t.request('POST', '/segments', {
      as,
      body: { name, kind: 'dynamic', rule: { field: 'country', op: 'eq', value: 'DE' } },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const post = (
    id: string,
    action: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => t.request('POST', `/campaigns/${id}/${action}`, { as: marketer, ...options });

  const template = async (as: object, body: object) => {
    const res = await t.request('POST', '/templates', { as, body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const email = (name: string) => ({
    channel: 'email',
    name,
    subject: 'For you, {{ contact.displayName }}',
    html: '<p>Hello {{ contact.displayName }}</p>',
  });

  beforeAll(async () => {
    t = await startCampaignsTestApp({}, { clock });
    emailA = await template(marketer, email('A'));
    emailB = await template(marketer, email('B'));
    theirTemplate = await template(otherTenant, email('Theirs'));
    smsTemplate = await template(marketer, {
      channel: 'sms',
      name: 'S',
      text: 'Hi {{ contact.displayName }}',
    });
    segmentId = await segment(marketer, 'Car owners');
    otherSegmentId = await segment(otherTenant, 'Their car owners');
    archivedSegmentId = await segment(marketer, 'Gone');
    expect(
      (await t.request('POST', `/segments/${archivedSegmentId}/archive`, { as: marketer })).status,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  it('creates a draft (201, Location, ETag), reads it, lists it and patches it with If-Match', async () => {
    const created = await create();
    const id = created.body.id;
    expect(created.headers.location).toBe(`/campaigns/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      id,
      status: 'draft',
      channel: 'email',
      audience: { segmentId },
      sendAt: null,
      phase: null,
      version: 1,
      createdAt: clock.now().toISOString(),
    });
    const read = await t.request('GET', `/campaigns/${id}`, { as: analyst });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const stale = await t.request('PATCH', `/campaigns/${id}`, {
      as: marketer,
      body: { name: 'Late' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const patched = await t.request('PATCH', `/campaigns/${id}`, {
      as: marketer,
      body: { name: 'Renamed', cost: null, audience: { excludeSegmentId: segmentId } },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(422); // excluding the audience itself
    expect(patched.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'audience.excludeSegmentId',
    ]);
    const ok = await t.request('PATCH', `/campaigns/${id}`, {
      as: marketer,
      body: { name: 'Renamed', cost: null },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.body).toMatchObject({ name: 'Renamed', version: 2, audience: { segmentId } });
    expect(ok.body.cost).toBeUndefined();

    const listed = await t.request('GET', '/campaigns?status=draft&channel=email&q=renamed', {
      as: analyst,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const none = await t.request('GET', '/campaigns?kind=recurring&q=renamed', { as: analyst });
    expect(none.body.items).toEqual([]);
  });

  it('walks the lifecycle: schedule, launch, pause, resume, cancel; each refused move is a 409 with the status', async () => {
    const id = (await create()).body.id;
    expect((await post(id, 'pause')).status).toBe(409);
    const past = await post(id, 'schedule', { body: { sendAt: '2026-09-15T11:00:00Z' } });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ type: '/problems/schedule-in-the-past' });
    expect(fields(past)).toEqual(['sendAt']);
    const missing = await post(id, 'schedule', { body: {} });
    expect(missing.status).toBe(422);
    expect(fields(missing)).toEqual(['sendAt']);

    const scheduled = await post(id, 'schedule', { body: { sendAt: '2026-09-20T08:00:00+02:00' } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      status: 'scheduled',
      sendAt: '2026-09-20T06:00:00.000Z',
    });
    const edit = await t.request('PATCH', `/campaigns/${id}`, {
      as: marketer,
      body: { name: 'x' },
    });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ currentStatus: 'scheduled' });

    const launched = await post(id, 'launch', {
      headers: { 'if-match': scheduled.headers.etag as string },
    });
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({
      status: 'sending',
      phase: 'test',
      launchedAt: clock.now().toISOString(),
    });
    expect((await post(id, 'launch', { headers: { 'if-match': '"1"' } })).status).toBe(412);

    expect((await post(id, 'pause')).body).toMatchObject({ status: 'paused' });
    const relaunch = await post(id, 'launch');
    expect(relaunch.status).toBe(409);
    expect(relaunch.body).toMatchObject({
      currentStatus: 'paused',
      type: '/problems/campaign-transition-not-allowed',
    });
    expect((await post(id, 'resume')).body).toMatchObject({ status: 'sending' });
    const cancelled = await post(id, 'cancel');
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      finishedAt: clock.now().toISOString(),
    });
    expect((await post(id, 'cancel')).status).toBe(200); // a repeat changes nothing
    for (const action of ['launch', 'pause', 'resume']) {
      const refused = await post(id, action);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ currentStatus: 'cancelled' });
    }
    const scheduleFinal = await post(id, 'schedule', { body: { sendAt: '2026-09-20T08:00:00Z' } });
    expect(scheduleFinal.status).toBe(409);
  });

  it('the launcher starts a scheduled campaign when its time comes, not before', async () => {
    const id = (await create()).body.id;
    const scheduled = await post(id, 'schedule', { body: { sendAt: '2026-09-15T13:00:00Z' } });
    expect(scheduled.body).toMatchObject({ status: 'scheduled' });
    const launcher = t.app.get(CampaignLauncher);
    await launcher.runOnce(new Date('2026-09-15T12:59:59Z'));
    expect((await t.request('GET', `/campaigns/${id}`, { as: marketer })).body).toMatchObject({
      status: 'scheduled',
    });
    expect(await launcher.runOnce(new Date('2026-09-15T13:00:00Z'))).toBeGreaterThanOrEqual(1);
    const read = async () => (await t.request('GET', `/campaigns/${id}`, { as: marketer })).body;
    for (let i = 0; i < 50 && (await read()).status !== 'sending'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await read()).toMatchObject({
      status: 'sending',
      phase: 'test',
      launchedAt: '2026-09-15T13:00:00.000Z',
    });
    expect(await launcher.runOnce(new Date('2026-09-15T13:00:00Z'))).toBe(0);
  });

  it('refuses an unknown, archived or other tenant segment with a 422 naming the field', async () => {
    for (const [audience, field] of [
      [{ segmentId: 'no-such-segment' }, 'audience.segmentId'],
      [{ segmentId: otherSegmentId }, 'audience.segmentId'],
      [{ segmentId: archivedSegmentId }, 'audience.segmentId'],
      [{ segmentId, excludeSegmentId: otherSegmentId }, 'audience.excludeSegmentId'],
    ] as const) {
      const res = await t.request('POST', '/campaigns', { as: marketer, body: body({ audience }) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ type: '/problems/unknown-segment' });
      expect(fields(res)).toEqual([field]);
    }
    const trigger = await t.request('POST', '/campaigns', {
      as: marketer,
      body: body({
        kind: {
          type: 'triggered',
          trigger: { event: 'segment-entered', segmentId: otherSegmentId, delayDays: 1 },
        },
      }),
    });
    expect(fields(trigger)).toEqual(['kind.trigger.segmentId']);
    // Positive control: the other tenant uses its own segment.
    const theirs = await t.request('POST', '/campaigns', {
      as: otherTenant,
      body: body({
        audience: { segmentId: otherSegmentId },
        variants: [{ id: 'A', templateId: theirTemplate, templateVersion: 1, sharePercent: 100 }],
        abTest: undefined,
      }),
    });
    expect(theirs.status).toBe(201);
  });

  it('refuses unknown, other-tenant and wrong-channel templates and versions with a 422 naming the field', async () => {
    const variant = (templateId: string, templateVersion = 1) => ({
      variants: [{ id: 'A', templateId, templateVersion, sharePercent: 100 }],
      abTest: undefined,
    });
    for (const [overrides, field, type] of [
      [variant('no-such-template'), 'variants[0].templateId', 'unknown-template'],
      [variant(theirTemplate), 'variants[0].templateId', 'unknown-template'],
      [variant(emailA, 9), 'variants[0].templateVersion', 'unknown-template-version'],
      [variant(smsTemplate), 'variants[0].templateId', 'template-channel-mismatch'],
    ] as const) {
      const res = await t.request('POST', '/campaigns', { as: marketer, body: body(overrides) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ type: `/problems/${type}` });
      expect(fields(res)).toEqual([field]);
    }
    // Positive controls: the SMS template in an SMS campaign, theirs in their campaign.
    const sms = await t.request('POST', '/campaigns', {
      as: marketer,
      body: body({ ...variant(smsTemplate), channel: 'sms', sender: { smsSenderId: 'Autohaus' } }),
    });
    expect(sms.status).toBe(201);
    // A patch is checked as the definition it makes: switching the channel alone is refused.
    const switched = await t.request('PATCH', `/campaigns/${sms.body.id}`, {
      as: marketer,
      body: {
        channel: 'email',
        sender: { smsSenderId: null, name: 'A', email: 'a@autohaus.example' },
      },
    });
    expect(switched.status).toBe(422);
    expect(fields(switched)).toEqual(['variants[0].templateId']);
  });

  it('names every bad field of a definition in one 422 problem', async () => {
    const res = await t.request('POST', '/campaigns', {
      as: marketer,
      body: body({
        channel: 'fax',
        variants: [{ id: 'A', templateId: emailA, templateVersion: 0, sharePercent: 100 }],
      }),
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(res).sort()).toEqual(['channel', 'variants[0].templateVersion']);
  });

  it('serves stats per variant with zero counts and says "no sends yet"', async () => {
    const id = (await create()).body.id;
    const stats = await t.request('GET', `/campaigns/${id}/stats`, { as: analyst });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      campaignId: id,
      status: 'draft',
      sent: 0,
      note: 'no sends yet',
      abTest: {
        outcome: 'not-enough-data',
        summary: 'no sends yet',
        waitingFor: ['A', 'B'],
        metric: 'clicked',
      },
    });
    expect(
      stats.body.variants.map((v: { variant: string; sent: number; rate: null }) => [
        v.variant,
        v.sent,
        v.rate,
      ]),
    ).toEqual([
      ['A', 0, null],
      ['B', 0, null],
    ]);
    const single = await create({
      variants: [{ id: 'only', templateId: emailA, templateVersion: 1, sharePercent: 100 }],
      abTest: undefined,
    });
    expect(
      (await t.request('GET', `/campaigns/${single.body.id}/stats`, { as: analyst })).body,
    ).toMatchObject({ abTest: null, note: 'no sends yet' });
    expect((await t.request('GET', '/campaigns/nope/stats', { as: analyst })).status).toBe(404);
  });

  it("keeps tenants apart: another tenant's campaign is a 404 to read, change or move, absent from lists", async () => {
    const id = (await create()).body.id;
    expect((await t.request('GET', `/campaigns/${id}`, { as: marketer })).status).toBe(200); // positive control
    expect((await t.request('GET', `/campaigns/${id}`, { as: otherTenant })).status).toBe(404);
    expect((await t.request('GET', `/campaigns/${id}/stats`, { as: otherTenant })).status).toBe(
      404,
    );
    expect(
      (await t.request('PATCH', `/campaigns/${id}`, { as: otherTenant, body: { name: 'Mine' } }))
        .status,
    ).toBe(404);
    expect((await t.request('POST', `/campaigns/${id}/launch`, { as: otherTenant })).status).toBe(
      404,
    );
    const theirList = await t.request('GET', '/campaigns', { as: otherTenant });
    expect(theirList.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await t.request('GET', `/campaigns/${id}`, { as: marketer })).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it('lets readers read and only marketers write; Idempotency-Key replays a create', async () => {
    expect((await t.request('POST', '/campaigns', { as: analyst, body: body() })).status).toBe(403);
    const headers = { 'idempotency-key': 'create-once-1' };
    const first = await t.request('POST', '/campaigns', { as: marketer, body: body(), headers });
    const again = await t.request('POST', '/campaigns', { as: marketer, body: body(), headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });
});
