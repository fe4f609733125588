import { validatePayload } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft } from '@crm/messaging';
import { campaignsIntegrationEvents } from './campaigns-integration-events';

function recorded(type: string, data: unknown, streamId = 'membership-c1'): RecordedEvent {
  return {
    id: '7d1f0a52-52a1-4b5e-9d8c-0c8f7b0d3e11',
    type,
    schemaVersion: 1,
    data,
    metadata: { tenant: 't1', occurredAt: '2026-05-01T10:00:00.000Z' },
    tenant: 't1',
    streamId,
    streamVersion: 1,
    position: { commit: 1n, prepare: 1n },
    createdAt: new Date('2026-05-01T10:00:00.000Z'),
  };
}

describe('campaigns integration events', () => {
  it('publishes a join with the field keys it matched on, keyed by the segment', () => {
    const out = campaignsIntegrationEvents(
      recorded('SegmentMemberJoined', {
        segmentId: 's1',
        segmentName: 'VIPs',
        kind: 'dynamic',
        contactId: 'c1',
        ruleVersion: 3,
        why: [
          { path: 'rule.all[0]', fields: ['profile.lifecycle_stage'] },
          { path: 'rule.all[1]', fields: ['purchase.family', 'profile.lifecycle_stage'] },
        ],
        at: '2026-05-01T10:00:00.000Z',
      }),
    ) as any;
    expect(out).toEqual({
      type: 'crm.campaigns.segment.member_joined.v1',
      subject: 's1',
      data: {
        segmentId: 's1',
        segmentName: 'VIPs',
        contactId: 'c1',
        ruleVersion: 3,
        reasons: ['profile.lifecycle_stage', 'purchase.family'],
        joinedAt: '2026-05-01T10:00:00.000Z',
      },
    });
    expect(validatePayload(out.type, out.data, 'strict')).toEqual([]);
  });

  it('publishes a leave with its reason and the survivor of a merge', () => {
    const out = campaignsIntegrationEvents(
      recorded('SegmentMemberLeft', {
        segmentId: 's1',
        segmentName: 'VIPs',
        contactId: 'c1',
        ruleVersion: 3,
        reason: 'merged_away',
        mergedInto: 'c2',
        at: '2026-05-01T10:00:00.000Z',
      }),
    ) as any;
    expect(out.type).toBe('crm.campaigns.segment.member_left.v1');
    expect(out.data).toMatchObject({
      reason: 'merged_away',
      mergedInto: 'c2',
      leftAt: '2026-05-01T10:00:00.000Z',
    });
    expect(validatePayload(out.type, out.data, 'strict')).toEqual([]);
  });

  it('keeps a membership close private', () => {
    expect(
      campaignsIntegrationEvents(
        recorded('MembershipsClosed', { contactId: 'c1', reason: 'contact_erased', at: 'x' }),
      ),
    ).toBeNull();
  });

  describe('the segment lifecycle', () => {
    const AT = '2026-05-01T10:00:00.000Z';
    const rule = { all: [{ field: 'email', op: 'contains', value: '@example.com' }] };
    const fact = (type: string, data: object) => {
      const out = campaignsIntegrationEvents(recorded(type, data, 'segment-s1')) as any;
      // Strict: a member the contract does not name (a listed contact id) would fail here.
      expect(validatePayload(out.type, out.data, 'strict')).toEqual([]);
      expect(out.subject).toBe('s1');
      return out;
    };

    it('publishes a created dynamic segment with its whole state as a draft at rule version 1', () => {
      expect(
        fact('SegmentCreated', { segmentId: 's1', name: 'Example folks', kind: 'dynamic', rule }),
      ).toEqual({
        type: 'crm.campaigns.segment.created.v1',
        subject: 's1',
        data: {
          segmentId: 's1',
          name: 'Example folks',
          description: null,
          kind: 'dynamic',
          status: 'draft',
          rule,
          ruleVersion: 1,
          createdAt: AT,
        },
      });
    });

    it('publishes a created static segment with no rule and an empty list', () => {
      expect(
        fact('SegmentCreated', {
          segmentId: 's1',
          name: 'Fair visitors',
          description: 'Met at the fair',
          kind: 'static',
          rule: null,
        }).data,
      ).toMatchObject({ description: 'Met at the fair', rule: null, listedContacts: 0 });
    });

    it('carries name and description whole on a details change; a removed description is null', () => {
      expect(fact('SegmentDetailsChanged', { segmentId: 's1', name: 'Renamed' })).toEqual({
        type: 'crm.campaigns.segment.details_changed.v1',
        subject: 's1',
        data: { segmentId: 's1', name: 'Renamed', description: null, changedAt: AT },
      });
      expect(
        fact('SegmentDetailsChanged', { segmentId: 's1', name: 'R', description: 'D' }).data
          .description,
      ).toBe('D');
    });

    it('carries the new rule, and its rule version once the domain event records one', () => {
      expect(fact('SegmentRuleChanged', { segmentId: 's1', rule }).data).toEqual({
        segmentId: 's1',
        rule,
        changedAt: AT,
      });
      expect(
        fact('SegmentRuleChanged', { segmentId: 's1', rule, ruleVersion: 4 }).data.ruleVersion,
      ).toBe(4);
    });

    it('publishes a replaced static list as its size, never the contact ids', () => {
      const out = fact('SegmentMembersListed', { segmentId: 's1', contactIds: ['c1', 'c2', 'c3'] });
      expect(out).toEqual({
        type: 'crm.campaigns.segment.list_replaced.v1',
        subject: 's1',
        data: { segmentId: 's1', listedContacts: 3, replacedAt: AT },
      });
      expect(JSON.stringify(out)).not.toMatch(/c1|c2|c3/);
    });

    it('publishes activation and archiving with the new status', () => {
      expect(fact('SegmentActivated', { segmentId: 's1' }).data).toEqual({
        segmentId: 's1',
        status: 'active',
        activatedAt: AT,
      });
      expect(fact('SegmentArchived', { segmentId: 's1' })).toEqual({
        type: 'crm.campaigns.segment.archived.v1',
        subject: 's1',
        data: { segmentId: 's1', status: 'archived', archivedAt: AT },
      });
    });

    it('stamps the fact with when it happened, normalised to UTC', () => {
      const event = recorded('SegmentActivated', { segmentId: 's1' }, 'segment-s1');
      const out = campaignsIntegrationEvents({
        ...event,
        metadata: { ...event.metadata, occurredAt: '2026-05-01T12:00:00+02:00' },
      }) as any;
      expect(out.data.activatedAt).toBe(AT);
    });
  });

  it('publishes nothing for an event it does not know', () => {
    expect(campaignsIntegrationEvents(recorded('TemplateDrafted', { templateId: 't' }))).toBeNull();
  });
});

describe('campaign and message facts', () => {
  const AT = '2026-05-01T10:00:00.000Z';
  const ref = { messageId: 'm1', campaignId: 'k1', contactId: 'p1', channel: 'email' };
  const publish = (type: string, data: unknown, streamId = 'message-m1') => {
    // Each of these maps to one fact (or none), never to a list.
    const out = campaignsIntegrationEvents(
      recorded(type, data, streamId),
    ) as IntegrationEventDraft | null;
    if (out) expect(validatePayload(out.type, out.data, 'strict')).toEqual([]);
    return out;
  };

  it('publishes launched (with name and channel) and completed, keyed by the campaign', () => {
    expect(
      publish(
        'CampaignLaunched',
        { campaignId: 'k1', launchedAt: AT, phase: 'all', name: 'Spring', channel: 'email' },
        'campaign-k1',
      ),
    ).toEqual({
      type: 'crm.campaigns.campaign.launched.v1',
      subject: 'k1',
      data: { campaignId: 'k1', channel: 'email', name: 'Spring', launchedAt: AT },
    });
    // Launched before the event carried the name: nothing incomplete is published.
    expect(
      publish(
        'CampaignLaunched',
        { campaignId: 'k1', launchedAt: AT, phase: 'all' },
        'campaign-k1',
      ),
    ).toBeNull();
    expect(
      publish('CampaignCompleted', { campaignId: 'k1', completedAt: AT }, 'campaign-k1'),
    ).toEqual({
      type: 'crm.campaigns.campaign.completed.v1',
      subject: 'k1',
      data: { campaignId: 'k1', completedAt: AT },
    });
    expect(publish('CampaignPaused', { campaignId: 'k1', pausedAt: AT }, 'campaign-k1')).toBeNull();
  });

  it('publishes sent, skipped, bounced, complained and unknown keyed by the contact, ids only', () => {
    expect(publish('MessageSent', { ...ref, providerMessageId: 'q1', at: AT })).toEqual({
      type: 'crm.campaigns.message.sent.v1',
      subject: 'p1',
      data: { ...ref, sentAt: AT },
    });
    expect(
      publish('MessageSkipped', {
        ...ref,
        step: 'broadcast',
        variantId: 'A',
        reason: 'no-consent',
        at: AT,
      })?.data,
    ).toEqual({ ...ref, reason: 'no-consent', skippedAt: AT });
    expect(
      publish('MessageBounced', { ...ref, kind: 'hard', code: '550', text: 'no such user', at: AT })
        ?.data,
    ).toEqual({ ...ref, kind: 'hard', code: '550', bouncedAt: AT });
    expect(publish('MessageBounced', { ...ref, kind: 'soft', at: AT })?.data).toMatchObject({
      code: null,
    });
    expect(publish('MessageComplained', { ...ref, at: AT })?.type).toBe(
      'crm.campaigns.message.complained.v1',
    );
    expect(publish('MessageOutcomeUnknown', { ...ref, reason: 'timeout', at: AT })?.data).toEqual({
      ...ref,
      reason: 'timeout',
      at: AT,
    });
  });

  it('publishes the opens and clicks that count (not bots) and unsubscribes with the channel', () => {
    const open = (countsInRates: boolean) =>
      publish('MessageOpened', {
        ...ref,
        at: AT,
        userAgentClass: 'human',
        countsInRates,
        first: true,
      });
    expect(open(true)).toEqual({
      type: 'crm.campaigns.message.opened.v1',
      subject: 'p1',
      data: { messageId: 'm1', campaignId: 'k1', contactId: 'p1', openedAt: AT },
    });
    expect(open(false)).toBeNull();
    expect(
      publish('MessageClicked', {
        ...ref,
        linkIndex: 0,
        url: 'https://shop.example/x',
        at: AT,
        userAgentClass: 'human',
        countsInRates: true,
        first: false,
      })?.data,
    ).toEqual({
      messageId: 'm1',
      campaignId: 'k1',
      contactId: 'p1',
      url: 'https://shop.example/x',
      clickedAt: AT,
    });
    expect(publish('MessageUnsubscribed', { ...ref, at: AT })?.data).toEqual({
      ...ref,
      unsubscribedAt: AT,
    });
    expect(
      publish('MessageDispatched', { ...ref, step: 'broadcast', variantId: 'A', at: AT }),
    ).toBeNull();
  });
});
