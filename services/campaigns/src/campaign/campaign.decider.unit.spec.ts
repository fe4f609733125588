import { DomainError, fold } from '@crm/event-sourcing';
import { deciderSpec } from '@crm/event-sourcing/testing';
import type { CampaignCommand } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import type { CampaignDefinition, CampaignEvent } from './campaign.events';

const given = deciderSpec(campaignDecider);
const stateAfter = (events: CampaignEvent[]) => fold(campaignDecider, events);
const NOW = '2026-09-15T12:00:00.000Z';
const LATER = '2026-09-20T08:00:00.000Z';

const definition: CampaignDefinition = {
  name: 'Service plan for new car owners',
  kind: { type: 'broadcast' },
  channel: 'email',
  audience: { segmentId: 'seg-cars' },
  variants: [{ id: 'A', templateId: 'tpl-1', templateVersion: 2, sharePercent: 100 }],
  sender: { name: 'Autohaus', email: 'news@autohaus.example' },
};
const abDefinition: CampaignDefinition = {
  ...definition,
  variants: [
    { id: 'A', templateId: 'tpl-1', templateVersion: 2, sharePercent: 50 },
    { id: 'B', templateId: 'tpl-2', templateVersion: 1, sharePercent: 50 },
  ],
  abTest: {
    testSharePercent: 20,
    metric: 'clicked',
    significance: 0.05,
    minimumSamplePerVariant: 500,
  },
};
const created: CampaignEvent = { type: 'CampaignCreated', data: { campaignId: 'c1', definition } };
const createdAb: CampaignEvent = {
  type: 'CampaignCreated',
  data: { campaignId: 'c1', definition: abDefinition },
};
const scheduled: CampaignEvent = {
  type: 'CampaignScheduled',
  data: { campaignId: 'c1', sendAt: LATER },
};
const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: {
    campaignId: 'c1',
    launchedAt: NOW,
    phase: 'all',
    name: definition.name,
    channel: 'email',
    cost: null,
  },
};
const launchedAb: CampaignEvent = {
  type: 'CampaignLaunched',
  data: {
    campaignId: 'c1',
    launchedAt: NOW,
    phase: 'test',
    name: definition.name,
    channel: 'email',
    cost: definition.cost ?? null,
  },
};
const paused: CampaignEvent = { type: 'CampaignPaused', data: { campaignId: 'c1', pausedAt: NOW } };
const completed: CampaignEvent = {
  type: 'CampaignCompleted',
  data: { campaignId: 'c1', completedAt: NOW },
};
const cancelled = (from: 'draft' | 'sending'): CampaignEvent => ({
  type: 'CampaignCancelled',
  data: { campaignId: 'c1', cancelledAt: NOW, from },
});

const at = { at: NOW };
const edit = (patch: unknown): CampaignCommand => ({ type: 'EditCampaign', data: { patch } });
const schedule = (sendAt?: unknown): CampaignCommand => ({
  type: 'ScheduleCampaign',
  data: { sendAt, at: NOW },
});
const launch: CampaignCommand = { type: 'LaunchCampaign', data: at };
const pause: CampaignCommand = { type: 'PauseCampaign', data: at };
const resume: CampaignCommand = { type: 'ResumeCampaign', data: at };
const cancel: CampaignCommand = { type: 'CancelCampaign', data: at };
const complete: CampaignCommand = { type: 'CompleteCampaign', data: at };
const conclude = (winner: string | null): CampaignCommand => ({
  type: 'ConcludeAbTest',
  data: { winner, pValue: winner ? 0.001 : 0.4, at: NOW },
});

const notAllowed = (status: string) => (e: unknown) =>
  e instanceof DomainError &&
  e.code === 'CampaignTransitionNotAllowed' &&
  e.kind === 'conflict' &&
  (e.details as { currentStatus: string }).currentStatus === status;

describe('Campaign decider', () => {
  it('creates a draft from a valid definition; twice is a conflict', () => {
    given([])
      .when({ type: 'CreateCampaign', data: { campaignId: 'c1', definition } })
      .then([created]);
    expect(stateAfter([created])).toMatchObject({ status: 'draft', definition, phase: null });
    given([created])
      .when({ type: 'CreateCampaign', data: { campaignId: 'c1', definition } })
      .thenThrows('CampaignAlreadyExists');
  });

  it('refuses an invalid definition with InvalidCampaign naming the fields', () => {
    given([])
      .when({
        type: 'CreateCampaign',
        data: { campaignId: 'c1', definition: { ...definition, name: ' ', channel: 'fax' } },
      })
      .thenThrows((e) => {
        const fields = ((e as DomainError).details as { errors: { field: string }[] }).errors.map(
          (x) => x.field,
        );
        return (
          (e as DomainError).code === 'InvalidCampaign' &&
          fields.includes('name') &&
          fields.includes('channel')
        );
      });
  });

  it('edits a draft by merge patch; an unchanged result decides nothing; a bad patch saves nothing', () => {
    given([created])
      .when(edit({ name: 'Renamed', cost: { amountMinor: 5000, currency: 'EUR' } }))
      .then([
        {
          type: 'CampaignEdited',
          data: {
            campaignId: 'c1',
            definition: {
              ...definition,
              name: 'Renamed',
              cost: { amountMinor: 5000, currency: 'EUR' },
            },
          },
        },
      ]);
    given([created])
      .when(edit({ name: definition.name }))
      .thenNothingHappened();
    given([created])
      .when(edit({ sender: { email: 'not-an-email' } }))
      .thenThrows('InvalidCampaign');
    given([created])
      .when(edit({ name: null }))
      .thenThrows('InvalidCampaign'); // name is required
    given([created, scheduled])
      .when(edit({ name: 'Late' }))
      .thenThrows(notAllowed('scheduled'));
  });

  it('schedules a broadcast for a future time; the past and a missing time are 422s', () => {
    given([created]).when(schedule(LATER)).then([scheduled]);
    given([created]).when(schedule('2026-09-15T11:59:59Z')).thenThrows('ScheduleInThePast');
    given([created]).when(schedule()).thenThrows('SendAtRequired');
    given([created]).when(schedule('tomorrow')).thenThrows('InvalidInstant');
    // Re-scheduling moves it; the same time again changes nothing.
    given([created, scheduled]).when(schedule(LATER)).thenNothingHappened();
    given([created, scheduled])
      .when(schedule('2026-09-21T08:00:00+02:00'))
      .then([
        {
          type: 'CampaignScheduled',
          data: { campaignId: 'c1', sendAt: '2026-09-21T06:00:00.000Z' },
        },
      ]);
  });

  it('a triggered or recurring campaign scheduled without a time starts now', () => {
    const triggered: CampaignEvent = {
      type: 'CampaignCreated',
      data: {
        campaignId: 'c1',
        definition: {
          ...definition,
          kind: {
            type: 'triggered',
            trigger: { event: 'order-placed', productFamily: 'Cars', delayDays: 14 },
          },
        },
      },
    };
    given([triggered])
      .when(schedule())
      .then([{ type: 'CampaignScheduled', data: { campaignId: 'c1', sendAt: NOW } }]);
  });

  it('launches a draft or a scheduled campaign; an A/B campaign starts with its test share', () => {
    given([created]).when(launch).then([launched]);
    given([created, scheduled]).when(launch).then([launched]);
    given([createdAb]).when(launch).then([launchedAb]);
    given([created, launched]).when(launch).thenNothingHappened();
    expect(stateAfter([created, scheduled, launched])).toMatchObject({
      status: 'sending',
      sendAt: LATER,
      launchedAt: NOW,
    });
  });

  it('pauses and resumes while sending; repeats change nothing; elsewhere 409 with the status', () => {
    given([created, launched]).when(pause).then([paused]);
    given([created, launched, paused]).when(pause).thenNothingHappened();
    given([created, launched, paused])
      .when(resume)
      .then([{ type: 'CampaignResumed', data: { campaignId: 'c1', resumedAt: NOW } }]);
    given([created, launched]).when(resume).thenNothingHappened();
    given([created]).when(pause).thenThrows(notAllowed('draft'));
    given([created, scheduled]).when(resume).thenThrows(notAllowed('scheduled'));
    given([created, launched, paused]).when(launch).thenThrows(notAllowed('paused'));
    given([created, launched]).when(schedule(LATER)).thenThrows(notAllowed('sending'));
  });

  it('cancels from any state that is not final; final states are final', () => {
    given([created])
      .when(cancel)
      .then([cancelled('draft')]);
    given([created, launched])
      .when(cancel)
      .then([cancelled('sending')]);
    given([created, cancelled('draft')])
      .when(cancel)
      .thenNothingHappened();
    given([created, launched, completed]).when(cancel).thenThrows(notAllowed('completed'));
    for (const command of [
      edit({ name: 'x' }),
      schedule(LATER),
      launch,
      pause,
      resume,
      conclude(null),
      complete,
    ])
      given([created, cancelled('draft')])
        .when(command)
        .thenThrows(notAllowed('cancelled'));
    for (const command of [edit({ name: 'x' }), schedule(LATER), launch, pause, resume])
      given([created, launched, completed]).when(command).thenThrows(notAllowed('completed'));
    given([created, launched, completed]).when(complete).thenNothingHappened();
  });

  it('concludes the A/B test with a winner or none, only while the test share is sent', () => {
    given([createdAb, launchedAb])
      .when(conclude('B'))
      .then([
        {
          type: 'AbTestConcluded',
          data: { campaignId: 'c1', winner: 'B', pValue: 0.001, concludedAt: NOW },
        },
      ]);
    given([createdAb, launchedAb]).when(conclude('Z')).thenThrows('UnknownVariant');
    const concludedNone: CampaignEvent = {
      type: 'AbTestConcluded',
      data: { campaignId: 'c1', winner: null, pValue: 0.4, concludedAt: NOW },
    };
    expect(stateAfter([createdAb, launchedAb, concludedNone])).toMatchObject({
      phase: 'rest',
      winner: null,
    });
    given([createdAb, launchedAb, concludedNone])
      .when(conclude('A'))
      .thenThrows(notAllowed('sending'));
    given([created, launched]).when(conclude('A')).thenThrows(notAllowed('sending')); // no test
    given([createdAb]).when(conclude('A')).thenThrows(notAllowed('draft'));
  });

  it('completes a sending (or paused) campaign only', () => {
    given([created, launched]).when(complete).then([completed]);
    given([created, launched, paused]).when(complete).then([completed]);
    given([created]).when(complete).thenThrows(notAllowed('draft'));
    expect(stateAfter([created, launched, completed])).toMatchObject({
      status: 'completed',
      finishedAt: NOW,
    });
  });

  it('answers not found for any command on a campaign that does not exist', () => {
    for (const command of [edit({}), schedule(LATER), launch, pause, resume, cancel, complete])
      given([]).when(command).thenThrows('CampaignNotFound');
  });
});
