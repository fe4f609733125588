/**
 * `crm.campaigns.v1`: a first cut for the campaigns service (its issue refines it; adding types
 * or optional fields is compatible, see the README). Only ids: the recipient is a contact id.
 */
import { defineIntegrationEvent } from './integration-event';
import { id, nullable, object, oneOf, text, timestamp } from './json-schema';

const CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
const campaignId = id('Campaign id');
const messageId = id('Message id (one send to one contact; the aggregate id)');
const contactId = id('Recipient contact id');

function campaigns(
  aggregate: string,
  fact: string,
  summary: string,
  schema: ReturnType<typeof object>,
) {
  return defineIntegrationEvent({ service: 'campaigns', aggregate, fact, summary, schema });
}

export const CampaignLaunched = campaigns(
  'campaign',
  'launched',
  'A campaign started sending.',
  object(
    {
      campaignId,
      channel: oneOf(CHANNELS, 'Channel'),
      name: text('Campaign name', 300),
      launchedAt: timestamp('When'),
    },
    ['campaignId', 'channel', 'name', 'launchedAt'],
  ),
);

export const MessageSent = campaigns(
  'message',
  'sent',
  'A campaign message was sent to a contact.',
  object(
    {
      messageId,
      campaignId,
      contactId,
      channel: oneOf(CHANNELS, 'Channel'),
      sentAt: timestamp('When'),
    },
    ['messageId', 'campaignId', 'contactId', 'channel', 'sentAt'],
  ),
);

export const MessageOpened = campaigns(
  'message',
  'opened',
  'A recipient opened a message.',
  object({ messageId, campaignId, contactId, openedAt: timestamp('When') }, [
    'messageId',
    'campaignId',
    'contactId',
    'openedAt',
  ]),
);

export const MessageClicked = campaigns(
  'message',
  'clicked',
  'A recipient clicked a tracked link.',
  object(
    {
      messageId,
      campaignId,
      contactId,
      url: text('Target URL', 2000),
      clickedAt: timestamp('When'),
    },
    ['messageId', 'campaignId', 'contactId', 'url', 'clickedAt'],
  ),
);

export const ContactUnsubscribed = campaigns(
  'message',
  'unsubscribed',
  'A recipient unsubscribed through a message; contacts records the consent withdrawal.',
  object(
    {
      messageId,
      campaignId: nullable(campaignId),
      contactId,
      channel: oneOf(CHANNELS, 'Channel'),
      unsubscribedAt: timestamp('When'),
    },
    ['messageId', 'contactId', 'channel', 'unsubscribedAt'],
  ),
);

export const CAMPAIGNS_EVENTS = [
  CampaignLaunched,
  MessageSent,
  MessageOpened,
  MessageClicked,
  ContactUnsubscribed,
] as const;
