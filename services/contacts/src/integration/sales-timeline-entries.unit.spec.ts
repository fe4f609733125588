/**
 * A sales state's timeline entries are the ones its events leave (timeline-feed.handlers.ts):
 * activity.logged then activity.completed, order.placed then order.cancelled.
 */
import { activityEntry, moneyOfMinor, orderEntries } from './sales-timeline-entries';

const start = Date.now();
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();

const call = {
  id: 'a1',
  kind: 'call',
  subject: 'Intro',
  status: 'open',
  assigneeId: 'rep-1',
  contactId: 'c1',
  dueAt: at(10),
  version: 1,
};

describe('activityEntry', () => {
  it('an open call sits at its plan, without an outcome', () => {
    expect(activityEntry(call, at(1))).toEqual({
      entryId: 'sales-activity-a1',
      kind: 'sales-call',
      occurredAt: at(10),
      userId: 'rep-1',
      subject: 'Intro',
      details: { activityId: 'a1', opportunityId: null, outcome: null },
    });
  });

  it('a completed one when it was held (else completed), with the outcome', () => {
    const done = { ...call, status: 'completed', completedAt: at(30), outcome: 'won them over' };
    expect(activityEntry({ ...done, heldAt: at(12) }, at(30))).toMatchObject({
      occurredAt: at(12),
      details: { outcome: 'won them over' },
    });
    expect(activityEntry(done, at(30)).occurredAt).toBe(at(30));
  });

  it('a task without a due time at the state time (the logged event time on the event path)', () => {
    const task = { ...call, kind: 'task', dueAt: undefined };
    expect(activityEntry(task, at(3))).toMatchObject({ kind: 'sales-task', occurredAt: at(3) });
  });
});

describe('orderEntries', () => {
  const order = {
    id: 'o1',
    status: 'placed',
    contactId: 'c1',
    currency: 'EUR',
    lines: [{}, {}],
    totals: { totalMinor: 123456 },
    placedAt: at(5),
    version: 1,
  };

  it('a placed order: the entry order.placed writes', () => {
    expect(orderEntries(order, at(5))).toEqual({
      placed: {
        entryId: 'sales-order-o1',
        kind: 'order',
        occurredAt: at(5),
        userId: null,
        subject: 'Order 1234.56 EUR',
        details: { orderId: 'o1', total: { amount: '1234.56', currency: 'EUR' }, lines: 2 },
      },
    });
  });

  it('a cancelled one says so and has the end as its own entry, at the state time', () => {
    const { placed, ended } = orderEntries({ ...order, status: 'cancelled' }, at(9));
    expect(placed.details).toMatchObject({ status: 'cancelled', endedAt: at(9) });
    expect(ended).toEqual({
      entryId: 'sales-order-cancelled-o1',
      kind: 'order-cancelled',
      occurredAt: at(9),
      userId: null,
      subject: 'Order cancelled',
      details: { orderId: 'o1', reason: null },
    });
    expect(orderEntries({ ...order, status: 'fulfilled' }, at(9)).ended).toBeUndefined();
  });
});

describe('moneyOfMinor', () => {
  it("uses the currency's minor digits", () => {
    expect(moneyOfMinor(5, 'EUR')).toEqual({ amount: '0.05', currency: 'EUR' });
    expect(moneyOfMinor(1000, 'JPY')).toEqual({ amount: '1000', currency: 'JPY' });
    expect(moneyOfMinor(1234, 'BHD')).toEqual({ amount: '1.234', currency: 'BHD' });
  });
});
