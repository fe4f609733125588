import { ManualClock } from '@crm/platform';
import { Client } from 'pg';
import { eventually } from '@crm/testing';
import { feedContacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';
import { ReminderScheduler } from './reminder-scheduler';

// Due statuses and reminders are judged against the app's clock, pinned here.
const clock = new ManualClock('2026-06-15T12:00:00Z');
const hoursFromNow = (h: number) => new Date(clock.now().getTime() + h * 3_600_000).toISOString();

describe('activities, due lists and reminders over HTTP', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c1' }] });
  });
  afterAll(() => t?.close());

  it('logs a held call with its outcome, and rejects a call to a non-E.164 number', async () => {
    const call = await t.request('POST', '/activities', {
      body: {
        kind: 'call',
        subject: 'Intro',
        contactId: 'c1',
        phone: '+4915112345678',
        heldAt: hoursFromNow(-1),
        outcome: 'connected',
        notes: 'wants a test drive',
      },
    });
    expect(call.status).toBe(201);
    const got = await t.request('GET', `/activities/${call.body.id}`);
    expect(got.body).toMatchObject({
      kind: 'call',
      status: 'completed',
      dueStatus: 'completed',
      outcome: 'connected',
      phone: '+4915112345678',
    });

    const bad = await t.request('POST', '/activities', {
      body: {
        kind: 'call',
        subject: 'x',
        contactId: 'c1',
        phone: '0151-123',
        dueAt: hoursFromNow(1),
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      type: expect.stringMatching(/invalid-phone/),
      errors: [expect.objectContaining({ field: 'phone' })],
    });
    const zone = await t.request('POST', '/activities', {
      body: {
        kind: 'meeting',
        subject: 'x',
        dueAt: hoursFromNow(1),
        endsAt: hoursFromNow(2),
        timeZone: 'Europe/Atlantis',
      },
    });
    expect(zone.status).toBe(422);
  });

  // IsISO8601 let an instant without an offset through to the decider (422); the DTO now runs the
  // decider's own parser, so the edge refuses it (400) in the same words.
  it('refuses an instant without an offset at the edge, with the domain rule', async () => {
    const res = await t.request('POST', '/activities', {
      body: { kind: 'task', subject: 'x', dueAt: '2026-11-24T10:00:00' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'dueAt',
        message:
          'dueAt must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T09:00:00+01:00',
      },
    ]);
  });

  it('lists overdue and due-soon work of the caller, most urgent first', async () => {
    const as = { sub: 'dora' };
    const mk = (subject: string, dueAt: string, priority = 'normal') =>
      t.request('POST', '/activities', { as, body: { kind: 'task', subject, dueAt, priority } });
    await mk('later', hoursFromNow(72));
    await mk('overdue', hoursFromNow(-2));
    await mk('soon', hoursFromNow(3), 'high');
    const done = await mk('done', hoursFromNow(-5));
    await t.request('POST', `/activities/${done.body.id}/complete`, { as, body: {} });

    const due = await t.request('GET', '/activities/due', { as });
    expect(due.body.items.map((a: any) => [a.subject, a.dueStatus])).toEqual([
      ['overdue', 'overdue'],
      ['soon', 'due-soon'],
    ]);
    const week = await t.request('GET', '/activities/due?withinHours=100', { as });
    expect(week.body.items.map((a: any) => a.subject)).toEqual(['overdue', 'soon', 'later']);
    expect(
      (await t.request('GET', '/activities/due', { as: { sub: 'dora', tenant: 'tenant-b' } })).body,
    ).toEqual({ items: [], nextCursor: null });
  });

  it('fires each due reminder exactly once even when two replicas run the scheduler together', async () => {
    const as = { sub: 'erin' };
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.request('POST', '/activities', {
        as,
        body: {
          kind: 'task',
          subject: `task ${i}`,
          dueAt: hoursFromNow(2),
          reminders: [{ reminderId: `r${i}`, remindAt: hoursFromNow(1) }],
        },
      });
      ids.push(res.body.id);
    }
    const notYet = await t.request('POST', '/activities', {
      as,
      body: {
        kind: 'task',
        subject: 'far',
        dueAt: hoursFromNow(48),
        reminders: [{ reminderId: 'far', remindAt: hoursFromNow(47) }],
      },
    });

    const scheduler = t.app.get(ReminderScheduler);
    const inAnHour = new Date(clock.now().getTime() + 61 * 60_000);
    const [a, b] = await Promise.all([scheduler.runOnce(inAnHour), scheduler.runOnce(inAnHour)]);
    expect(a + b).toBe(6);
    expect(await scheduler.runOnce(inAnHour)).toBe(0);

    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM sales.events WHERE type = 'ReminderDue'`,
      );
      expect(rows[0].n).toBe(6);
    } finally {
      await db.end();
    }
    await eventually(async () => {
      const activity = await t.request('GET', `/activities/${ids[0]}`, { as });
      expect(activity.body.firedReminderIds).toEqual(['r0']);
    });
    const far = await t.request('GET', `/activities/${notYet.body.id}`, { as });
    expect(far.body.firedReminderIds).toEqual([]);
  });
});
