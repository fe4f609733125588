import { DomainError, fold } from '@crm/event-sourcing';
import { deciderSpec } from '@crm/event-sourcing/testing';
import { currentContent, templateDecider } from './template.decider';
import type { TemplateEvent } from './template.events';

const given = deciderSpec(templateDecider);
const stateAfter = (events: TemplateEvent[]) => fold(templateDecider, events);

const v1 = {
  channel: 'email',
  subject: 'Hi {{ contact.displayName }}',
  html: '<p>{{ offer.name }}</p>',
} as const;
const created: TemplateEvent = {
  type: 'TemplateCreated',
  data: { templateId: 't1', channel: 'email', name: 'Service plan', content: v1 },
};
const smsCreated: TemplateEvent = {
  type: 'TemplateCreated',
  data: {
    templateId: 't2',
    channel: 'sms',
    name: 'Reminder',
    content: { channel: 'sms', text: 'Hi {{ contact.displayName }}' },
  },
};
const revised = (version: number, html: string): TemplateEvent => ({
  type: 'TemplateRevised',
  data: { templateId: 't1', version, content: { ...v1, html } },
});
const archived: TemplateEvent = { type: 'TemplateArchived', data: { templateId: 't1' } };
const problemsOf = (error: unknown) =>
  ((error as DomainError).details?.errors ?? []) as { field: string; variable?: string }[];

describe('Template decider', () => {
  it('creates version 1 of an email or SMS template', () => {
    given([])
      .when({ type: 'CreateTemplate', data: { templateId: 't1', name: ' Service plan ', ...v1 } })
      .then([created]);
    given([])
      .when({
        type: 'CreateTemplate',
        data: {
          templateId: 't2',
          channel: 'sms',
          name: 'Reminder',
          text: 'Hi {{ contact.displayName }}',
        },
      })
      .then([smsCreated]);
    given([created])
      .when({
        type: 'CreateTemplate',
        data: { templateId: 't1', channel: 'sms', name: 'x', text: 'x' },
      })
      .thenThrows('TemplateAlreadyExists');
  });

  it('refuses an unknown variable at save, naming the field and the variable', () => {
    given([])
      .when({
        type: 'CreateTemplate',
        data: {
          templateId: 't',
          channel: 'email',
          name: 'x',
          subject: 'ok',
          html: '<p>{{ contact.firstName }}</p>',
        },
      })
      .thenThrows(
        (error) =>
          (error as DomainError).code === 'InvalidTemplate' &&
          JSON.stringify(problemsOf(error).map((p) => [p.field, p.variable])) ===
            '[["html","contact.firstName"]]',
      );
  });

  it('takes the fields of its channel only, and requires them', () => {
    given([])
      .when({
        type: 'CreateTemplate',
        data: { templateId: 't', channel: 'email', name: 'x', html: '<p>x</p>' },
      })
      .thenThrows('TemplateFieldRequired');
    given([])
      .when({
        type: 'CreateTemplate',
        data: { templateId: 't', channel: 'sms', name: 'x', text: 'x', html: '<p>x</p>' },
      })
      .thenThrows('TemplateFieldNotAllowed');
    given([])
      .when({
        type: 'CreateTemplate',
        data: { templateId: 't', channel: 'sms', name: 'x', text: '  ' },
      })
      .thenThrows('TemplateFieldRequired');
    given([])
      .when({
        type: 'CreateTemplate',
        data: { templateId: 't', channel: 'sms', name: 'x', text: 'x'.repeat(5001) },
      })
      .thenThrows((error) => problemsOf(error)[0]?.field === 'text');
  });

  it('makes each content change the next version and keeps the earlier ones', () => {
    given([created])
      .when({ type: 'EditTemplate', data: { html: '<p>v2 {{ offer.name }}</p>' } })
      .then([revised(2, '<p>v2 {{ offer.name }}</p>')]);
    const state = stateAfter([created, revised(2, '<p>v2</p>'), revised(3, '<p>v3</p>')]);
    expect(state.versions.map((v) => (v.channel === 'email' ? v.html : ''))).toEqual([
      v1.html,
      '<p>v2</p>',
      '<p>v3</p>',
    ]);
    expect(currentContent(state)).toMatchObject({ html: '<p>v3</p>' });
    given([created, revised(2, '<p>v2</p>')])
      .when({ type: 'EditTemplate', data: { text: 'Plain' } })
      .then([
        {
          type: 'TemplateRevised',
          data: {
            templateId: 't1',
            version: 3,
            content: { ...v1, html: '<p>v2</p>', text: 'Plain' },
          },
        },
      ]);
  });

  it('renames without a new version; the same content or name changes nothing', () => {
    given([created])
      .when({ type: 'EditTemplate', data: { name: 'Plans' } })
      .then([{ type: 'TemplateRenamed', data: { templateId: 't1', name: 'Plans' } }]);
    given([created])
      .when({ type: 'EditTemplate', data: { name: 'Service plan', html: v1.html } })
      .then([]);
  });

  it('saves nothing when one field is bad, not even the rename sent with it', () => {
    given([created])
      .when({ type: 'EditTemplate', data: { name: 'Renamed', subject: '{{ offer.nope }}' } })
      .thenThrows('InvalidTemplate');
  });

  it('drops the own plain-text part with text: null', () => {
    const withText: TemplateEvent = {
      ...created,
      data: { ...created.data, content: { ...v1, text: 'Own' } },
    } as TemplateEvent;
    given([withText])
      .when({ type: 'EditTemplate', data: { text: null } })
      .then([revised(2, v1.html)]);
  });

  it('archives for good', () => {
    given([created]).when({ type: 'ArchiveTemplate', data: {} }).then([archived]);
    given([created, archived]).when({ type: 'ArchiveTemplate', data: {} }).then([]);
    given([created, archived])
      .when({ type: 'EditTemplate', data: { name: 'x' } })
      .thenThrows('TemplateArchived');
    given([])
      .when({ type: 'EditTemplate', data: { name: 'x' } })
      .thenThrows('TemplateNotFound');
  });
});
