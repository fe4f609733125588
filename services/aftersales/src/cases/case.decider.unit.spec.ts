import { DomainError, fold } from '@crm/event-sourcing';
import { deciderSpec } from '@crm/event-sourcing/testing';
import { parseBusinessCalendar } from '../sla/business-calendar';
import { caseSla, DEFAULT_SLA_POLICY } from '../sla/sla-policy';
import type { CaseCommand } from './case.commands';
import { caseDecider, REOPEN_WINDOW_DAYS } from './case.decider';
import type { CaseEvent } from './case.events';
import { casePersonalData } from './case-personal-data';

const given = deciderSpec(caseDecider);
const stateAfter = (events: CaseEvent[]) => fold(caseDecider, events);
const of = (at: string) => ({ caseId: 'c1', contactId: 'k1', at });

const T0 = '2026-06-01T08:00:00.000Z';
const open: CaseCommand = {
  type: 'OpenCase',
  data: {
    caseId: 'c1',
    contactId: 'k1',
    channel: 'email',
    assetId: 'a1',
    category: 'heating',
    priority: 'high',
    subject: ' Boiler makes noise ',
    description: 'Since Monday',
    at: T0,
  },
};
const opened: CaseEvent = {
  type: 'CaseOpened',
  data: {
    ...of(T0),
    channel: 'email',
    assetId: 'a1',
    category: 'heating',
    priority: 'high',
    subject: 'Boiler makes noise',
    description: 'Since Monday',
  },
};
const move = (from: string, to: string, at: string) =>
  ({ type: 'CaseStatusChanged', data: { ...of(at), from, to } }) as CaseEvent;
const started = move('new', 'in_progress', '2026-06-01T09:00:00.000Z');
const waiting = move('in_progress', 'waiting_on_customer', '2026-06-01T10:00:00.000Z');
const resolvedAt = '2026-06-02T10:00:00.000Z';
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: {
    ...of(resolvedAt),
    resolutionCode: 'part_replaced',
    failure: true,
    coverage: 'out_of_warranty',
    billable: true,
  },
};
const closed: CaseEvent = { type: 'CaseClosed', data: of('2026-06-03T10:00:00.000Z') };
/** For checks on parts of the decided events (`then` compares them whole). */
const checkEvents = (
  history: CaseEvent[],
  command: CaseCommand,
  check: (events: CaseEvent[]) => void,
) => check(caseDecider.decide(command, stateAfter(history)));
const fieldOf = (field: string, code: string) => (e: unknown) =>
  e instanceof DomainError && e.code === code && e.details?.field === field;

describe('Case decider', () => {
  it('opens a case with its channel, contact, asset, category and priority, trimmed', () => {
    given([]).when(open).then([opened]);
    expect(stateAfter([opened])).toMatchObject({
      status: 'new',
      priority: 'high',
      assetId: 'a1',
      openedAt: T0,
    });
    given([opened]).when(open).thenThrows('CaseAlreadyExists');
  });

  it('names the bad field of an opening', () => {
    const bad = (patch: Record<string, unknown>) =>
      ({ ...open, data: { ...open.data, ...patch } }) as CaseCommand;
    given([])
      .when(bad({ channel: 'fax' }))
      .thenThrows(fieldOf('channel', 'NotAllowedValue'));
    given([])
      .when(bad({ priority: 'asap' }))
      .thenThrows(fieldOf('priority', 'NotAllowedValue'));
    given([])
      .when(bad({ subject: '  ' }))
      .thenThrows(fieldOf('subject', 'RequiredText'));
    given([])
      .when(bad({ description: 'x'.repeat(5001) }))
      .thenThrows(fieldOf('description', 'TextTooLong'));
    given([])
      .when(bad({ category: 'Heating!' }))
      .thenThrows(fieldOf('category', 'InvalidCategory'));
  });

  it('assigns to a user or a queue; the same assignee again changes nothing', () => {
    const assign = (kind: 'user' | 'queue', id: string): CaseCommand => ({
      type: 'AssignCase',
      data: { assignee: { kind, id }, at: T0 },
    });
    const toQueue: CaseEvent = {
      type: 'CaseAssigned',
      data: { ...of(T0), assignee: { kind: 'queue', id: 'field-service' } },
    };
    given([opened]).when(assign('queue', 'field-service')).then([toQueue]);
    given([opened, toQueue]).when(assign('queue', 'field-service')).thenNothingHappened();
    given([opened, toQueue])
      .when(assign('user', 'u7'))
      .thenState((s) => expect(s.assignee).toEqual({ kind: 'user', id: 'u7' }));
    given([opened, resolved, closed]).when(assign('user', 'u7')).thenThrows('CaseClosedForChanges');
  });

  it("an agent's first public reply stops the first-response clock and starts the work; a note does neither", () => {
    const at = '2026-06-01T08:20:00.000Z';
    const reply: CaseCommand = {
      type: 'ReplyToCase',
      data: { messageId: 'm1', author: 'agent', actorId: 'u7', body: 'On it', at },
    };
    const replied: CaseEvent = {
      type: 'CaseReplied',
      data: { ...of(at), messageId: 'm1', author: 'agent', actorId: 'u7', body: 'On it' },
    };
    given([opened])
      .when(reply)
      .then([replied, move('new', 'in_progress', at)]);
    expect(stateAfter([opened, replied]).firstRespondedAt).toBe(at);
    given([opened, replied]).when(reply).thenNothingHappened();
    const noted: CaseEvent = {
      type: 'CaseNoted',
      data: { ...of(at), messageId: 'n1', actorId: 'u7', body: 'Call back' },
    };
    given([opened])
      .when({
        type: 'AddCaseNote',
        data: { messageId: 'n1', actorId: 'u7', body: 'Call back', at },
      })
      .then([noted]);
    expect(stateAfter([opened, noted])).toMatchObject({ status: 'new' });
    expect(stateAfter([opened, noted]).firstRespondedAt).toBeUndefined();
    given([opened, resolved, closed]).when(reply).thenThrows('CaseClosedForChanges');
    given([opened])
      .when({ ...reply, data: { ...reply.data, body: '' } } as CaseCommand)
      .thenThrows(fieldOf('body', 'RequiredText'));
  });

  it("the customer's reply ends the wait: the resolution clock's pause closes", () => {
    const at = '2026-06-02T07:00:00.000Z';
    const reply: CaseCommand = {
      type: 'ReplyToCase',
      data: { messageId: 'm2', author: 'customer', actorId: 'k1', body: 'Photo attached', at },
    };
    const replied: CaseEvent = {
      type: 'CaseReplied',
      data: {
        ...of(at),
        messageId: 'm2',
        author: 'customer',
        actorId: 'k1',
        body: 'Photo attached',
      },
    };
    given([opened, started, waiting])
      .when(reply)
      .then([replied, move('waiting_on_customer', 'in_progress', at)]);
    const state = stateAfter([
      opened,
      started,
      waiting,
      replied,
      move('waiting_on_customer', 'in_progress', at),
    ]);
    expect(state.pauses).toEqual([{ from: '2026-06-01T10:00:00.000Z', to: at }]);
    expect(state.firstRespondedAt).toBeUndefined();
  });

  it('follows the flow; moves outside it are refused naming both statuses', () => {
    const moveTo = (to: 'in_progress' | 'waiting_on_customer', at = T0): CaseCommand => ({
      type: 'MoveCase',
      data: { to, at },
    });
    given([opened]).when(moveTo('in_progress', '2026-06-01T09:00:00.000Z')).then([started]);
    given([opened, started]).when(moveTo('in_progress')).thenNothingHappened();
    given([opened, started])
      .when(moveTo('waiting_on_customer', '2026-06-01T10:00:00.000Z'))
      .then([waiting]);
    given([opened, resolved])
      .when(moveTo('waiting_on_customer'))
      .thenThrows(
        (e) =>
          e instanceof DomainError &&
          e.code === 'CaseTransitionNotAllowed' &&
          e.details?.status === 'resolved' &&
          e.details?.requested === 'waiting_on_customer',
      );
    given([opened])
      .when({ type: 'CloseCase', data: { at: T0 } })
      .thenThrows('CaseTransitionNotAllowed');
    given([opened, resolved])
      .when({ type: 'CloseCase', data: { at: T0 } })
      .then([{ type: 'CaseClosed', data: of(T0) }]);
    given([opened, resolved, closed])
      .when({ type: 'CloseCase', data: { at: T0 } })
      .thenNothingHappened();
    given([])
      .when({ type: 'CloseCase', data: { at: T0 } })
      .thenThrows('CaseNotFound');
  });

  it('resolves with a code: failures flagged, billable only out of warranty and when something was done', () => {
    const resolve = (
      resolutionCode: string,
      coverage: 'in_warranty' | 'out_of_warranty',
    ): CaseCommand => ({
      type: 'ResolveCase',
      data: { resolutionCode, coverage, at: resolvedAt },
    });
    given([opened, started, waiting])
      .when(resolve('part_replaced', 'out_of_warranty'))
      .then([resolved]);
    checkEvents([opened], resolve('repaired', 'in_warranty'), (events) =>
      expect(events[0].data).toMatchObject({
        failure: true,
        coverage: 'in_warranty',
        billable: false,
      }),
    );
    checkEvents([opened], resolve('duplicate', 'out_of_warranty'), (events) =>
      expect(events[0].data).toMatchObject({ failure: false, billable: false }),
    );
    given([opened])
      .when(resolve('fixed-it', 'in_warranty'))
      .thenThrows(fieldOf('resolutionCode', 'NotAllowedValue'));
    given([opened])
      .when({
        type: 'ResolveCase',
        data: { resolutionCode: 'answered', coverage: 'no_asset', at: T0 },
      })
      .thenThrows(fieldOf('coverage', 'NotAllowedValue'));
    // Without an asset there is no warranty to ask about.
    const { assetId: _a, ...withoutAsset } = (opened as Extract<CaseEvent, { type: 'CaseOpened' }>)
      .data;
    checkEvents(
      [{ type: 'CaseOpened', data: withoutAsset }],
      resolve('answered', 'out_of_warranty'),
      (events) => expect(events[0].data).toMatchObject({ coverage: 'no_asset', billable: false }),
    );
    given([opened, resolved])
      .when(resolve('part_replaced', 'out_of_warranty'))
      .thenNothingHappened();
    given([opened, resolved])
      .when(resolve('repaired', 'out_of_warranty'))
      .thenThrows('CaseTransitionNotAllowed');
    expect(stateAfter([opened, started, waiting, resolved]).pauses).toEqual([
      { from: '2026-06-01T10:00:00.000Z', to: resolvedAt },
    ]);
  });

  it(`reopens from resolved or closed within ${REOPEN_WINDOW_DAYS} days of the resolution`, () => {
    const reopen = (at: string): CaseCommand => ({ type: 'ReopenCase', data: { at } });
    const lastMoment = '2026-06-16T10:00:00.000Z';
    given([opened, resolved])
      .when(reopen(lastMoment))
      .then([{ type: 'CaseReopened', data: { ...of(lastMoment), from: 'resolved' } }]);
    given([opened, resolved, closed])
      .when(reopen(lastMoment))
      .then([{ type: 'CaseReopened', data: { ...of(lastMoment), from: 'closed' } }]);
    given([opened, resolved])
      .when(reopen('2026-06-16T10:00:00.001Z'))
      .thenThrows(
        (e) =>
          e instanceof DomainError &&
          e.code === 'ReopenWindowPassed' &&
          e.details?.resolvedAt === resolvedAt,
      );
    given([opened, started]).when(reopen(lastMoment)).thenThrows('CaseTransitionNotAllowed');
    const reopened: CaseEvent = {
      type: 'CaseReopened',
      data: { ...of('2026-06-03T10:00:00.000Z'), from: 'closed' },
    };
    const state = stateAfter([opened, resolved, closed, reopened]);
    expect(state).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    expect(state.resolvedAt).toBeUndefined();
    expect(state.pauses).toEqual([{ from: resolvedAt, to: '2026-06-03T10:00:00.000Z' }]);
  });

  it('records satisfaction 1-5 once, after resolution', () => {
    const rate = (score: unknown): CaseCommand => ({
      type: 'RecordSatisfaction',
      data: { score, at: '2026-06-04T00:00:00.000Z' },
    });
    const rated: CaseEvent = {
      type: 'SatisfactionRecorded',
      data: { ...of('2026-06-04T00:00:00.000Z'), score: 4 },
    };
    given([opened, resolved]).when(rate(4)).then([rated]);
    checkEvents([opened, resolved, closed], rate(5), (e) =>
      expect(e[0].data).toMatchObject({ score: 5 }),
    );
    given([opened, resolved, rated]).when(rate(5)).thenThrows('SatisfactionAlreadyRecorded');
    given([opened, started]).when(rate(5)).thenThrows('SatisfactionNotYetAllowed');
    for (const score of [0, 6, 3.5, '4', null])
      given([opened, resolved])
        .when(rate(score))
        .thenThrows(fieldOf('score', 'InvalidSatisfactionScore'));
  });

  it('the folded state drives the SLA: waiting on the customer is not counted', () => {
    const calendar = parseBusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
      ),
    });
    const state = stateAfter([opened, started, waiting]);
    // High: resolution 960 business minutes; 120 ran (10:00-12:00 CEST) before the wait.
    const report = caseSla(
      { ...state, pauses: state.pauses },
      DEFAULT_SLA_POLICY,
      calendar,
      '2026-06-10T00:00:00Z',
    );
    expect(report.resolution.status).toBe('paused');
    expect(report.firstResponse.status).toBe('breached');
  });

  it('marks subject, description and message bodies as personal data of the contact', () => {
    expect(casePersonalData.CaseOpened.fields).toEqual(['subject', 'description']);
    expect(casePersonalData.CaseOpened.subject(opened)).toBe('k1');
    expect(casePersonalData.CaseReplied.fields).toEqual(['body']);
    expect(casePersonalData.CaseNoted.fields).toEqual(['body']);
  });
});
