/**
 * The lifecycle decision both paths take, and what each sales state says happened.
 */
import type { RecordedEvent } from '@crm/event-sourcing';
import { recordedEvent } from '@crm/event-sourcing/testing';
import {
  factMovesStage,
  factOfLead,
  factOfOpportunity,
  factOfOrder,
  SALES_LIFECYCLE_ACTOR,
  stageDecidedAt,
} from './lifecycle-fact-decision';

const start = Date.now();
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();

/** A contact event at `minute`, appended by `actor`. */
const recorded = (type: string, data: object, minute: number, actor = 'user-1'): RecordedEvent => {
  const event = recordedEvent('contact-c1', type, data);
  return { ...event, metadata: { ...event.metadata, actor, occurredAt: at(minute) } };
};

describe('stageDecidedAt', () => {
  it('is when a person (or any actor but the sales facts) last changed the stage', () => {
    const events = [
      recorded('ContactRegistered', { lifecycleStage: 'subscriber' }, 0),
      recorded('ContactLifecycleStageChanged', { to: 'customer' }, 5, SALES_LIFECYCLE_ACTOR),
      recorded('ContactLifecycleStageChanged', { to: 'churned' }, 10),
      recorded('ContactLifecycleStageChanged', { to: 'customer' }, 20, SALES_LIFECYCLE_ACTOR),
      recorded('ContactDetailsChanged', {}, 30),
    ];
    expect(stageDecidedAt(events)).toBe(Date.parse(at(10)));
  });

  it('counts a registration with a stage of its own, not the default subscriber', () => {
    expect(
      stageDecidedAt([recorded('ContactRegistered', { lifecycleStage: 'subscriber' }, 0)]),
    ).toBeUndefined();
    expect(stageDecidedAt([recorded('ContactRegistered', { lifecycleStage: 'churned' }, 3)])).toBe(
      Date.parse(at(3)),
    );
  });
});

describe('factMovesStage', () => {
  it('moves only for a fact after the last decision (or when there was none)', () => {
    const decided = Date.parse(at(10));
    expect(factMovesStage(at(11), decided)).toBe(true);
    expect(factMovesStage(at(10), decided)).toBe(false);
    expect(factMovesStage(at(9), decided)).toBe(false);
    expect(factMovesStage(at(-1000), undefined)).toBe(true);
    expect(factMovesStage('not a time', undefined)).toBe(false);
  });
});

describe('facts of sales states', () => {
  it('a converted lead: an opportunity (a lead without a deal) as of its conversion', () => {
    const lead = { id: 'l1', status: 'converted', capturedAt: at(0), updatedAt: at(4) };
    expect(factOfLead({ ...lead, contactId: 'c1', opportunityId: 'o1' })).toEqual({
      contactId: 'c1',
      atLeast: 'opportunity',
      at: at(4),
    });
    expect(factOfLead({ ...lead, contactId: 'c1' })).toMatchObject({ atLeast: 'lead' });
    expect(factOfLead({ ...lead, status: 'qualified', contactId: 'c1' })).toBeUndefined();
    expect(factOfLead({ ...lead })).toBeUndefined();
  });

  it('a won deal: a customer as of the win; any other deal an opportunity as of its opening', () => {
    const stageHistory = [
      { stageId: 's1', enteredAt: at(1) },
      { stageId: 'won', enteredAt: at(7) },
    ];
    expect(factOfOpportunity({ id: 'o1', status: 'won', contactId: 'c1', stageHistory })).toEqual({
      contactId: 'c1',
      atLeast: 'customer',
      at: at(7),
    });
    expect(factOfOpportunity({ id: 'o1', status: 'lost', contactId: 'c1', stageHistory })).toEqual({
      contactId: 'c1',
      atLeast: 'opportunity',
      at: at(1),
    });
    expect(factOfOpportunity({ id: 'o1', status: 'won', stageHistory })).toBeUndefined();
  });

  it('an order: a customer as of its placing, whatever became of it', () => {
    expect(factOfOrder({ id: 'x', contactId: 'c1', placedAt: at(2) })).toEqual({
      contactId: 'c1',
      atLeast: 'customer',
      at: at(2),
    });
    expect(factOfOrder({ id: 'x', placedAt: at(2) })).toBeUndefined();
  });
});
