/**
 * Integration events as contacts, sales and campaigns publish them (crm.*.v1 and the state
 * topics), for the analytics e2e specs to feed through the transport: each builder returns a
 * FedMessage with the event's own time as `ce_time`.
 */
import * as C from '@crm/contracts';
import type { FedMessage } from '@crm/platform/testing';

type Options = { tenant?: string; id?: string };

export const registered = (
  contactId: string,
  time: string,
  members: object = {},
  o: Options = {},
) =>
  ({
    topic: 'contacts',
    type: C.ContactRegistered.type,
    subject: contactId,
    time,
    ...o,
    data: {
      contactId,
      displayName: `Person ${contactId.slice(0, 4)}`,
      lifecycleStage: 'lead',
      primaryEmail: `${contactId.slice(0, 8)}@example.com`,
      demographics: { birthDate: '1980-06-15', gender: 'female', householdIncomeBand: 'middle' },
      ...members,
    },
  }) satisfies FedMessage;

export const detailsChanged = (contactId: string, time: string, members: object, o: Options = {}) =>
  ({
    topic: 'contacts',
    type: C.ContactDetailsChanged.type,
    subject: contactId,
    time,
    ...o,
    data: { contactId, changed: Object.keys(members), ...members },
  }) satisfies FedMessage;

export const erased = (contactId: string, time: string, o: Options = {}) =>
  ({
    topic: 'contacts',
    type: C.ContactErased.type,
    subject: contactId,
    time,
    ...o,
    data: { contactId, erasedAt: time },
  }) satisfies FedMessage;

export const merged = (survivorId: string, duplicateId: string, time: string, o: Options = {}) =>
  ({
    topic: 'contacts',
    type: C.ContactMerged.type,
    subject: survivorId,
    time,
    ...o,
    data: { survivorId, duplicateId, mergedAt: time },
  }) satisfies FedMessage;

export const contactState = (
  id: string,
  version: number,
  time: string,
  members: object = {},
  o: Options = {},
) =>
  ({
    topic: 'state',
    type: C.ContactStateTopic.type,
    subject: id,
    time,
    ...o,
    data: {
      id,
      version,
      status: 'active',
      name: { given: 'Grace' },
      displayName: 'Grace Hopper',
      emails: [],
      phones: [],
      addresses: [],
      tags: [],
      customFields: {},
      lifecycleStage: 'customer',
      demographics: { ageBand: '45-54', gender: 'female' },
      consent: {},
      createdAt: time,
      ...members,
    },
  }) satisfies FedMessage;

export const tombstone = (type: string, subject: string, time: string, o: Options = {}) =>
  ({ topic: 'state', type, subject, time, data: null, ...o }) satisfies FedMessage;

export const productCreated = (productId: string, family: string, time: string, o: Options = {}) =>
  ({
    topic: 'sales',
    type: C.ProductCreated.type,
    subject: productId,
    time,
    ...o,
    data: {
      productId,
      sku: `SKU-${productId}`,
      name: `Product ${productId}`,
      family,
      createdAt: time,
      state: {
        id: productId,
        sku: `SKU-${productId}`,
        name: `Product ${productId}`,
        family,
        active: true,
        options: { groups: [], rules: [] },
        version: 1,
      },
    },
  }) satisfies FedMessage;

export const line = (productId: string, netMinor: number, quantity = 1) => ({
  productId,
  sku: `SKU-${productId}`,
  quantity,
  unitPrice: { amount: (netMinor / quantity / 100).toFixed(2), currency: 'EUR' },
  lineTotal: { amount: (netMinor / 100).toFixed(2), currency: 'EUR' },
  unitPriceMinor: Math.round(netMinor / quantity),
  netMinor,
});

export const placed = (
  orderId: string,
  contactId: string,
  time: string,
  lines: ReturnType<typeof line>[],
  o: Options = {},
) =>
  ({
    topic: 'sales',
    type: C.OrderPlaced.type,
    subject: orderId,
    time,
    ...o,
    data: {
      orderId,
      contactId,
      lines,
      total: { amount: '0.00', currency: 'EUR' },
      currency: 'EUR',
      totals: {
        subtotalMinor: 0,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: lines.reduce((sum, l) => sum + l.netMinor, 0),
      },
      placedAt: time,
    },
  }) satisfies FedMessage;

export const cancelled = (orderId: string, contactId: string, time: string, o: Options = {}) =>
  ({
    topic: 'sales',
    type: C.OrderCancelled.type,
    subject: orderId,
    time,
    ...o,
    data: { orderId, cancelledAt: time, contactId },
  }) satisfies FedMessage;

export const orderState = (
  id: string,
  version: number,
  contactId: string,
  time: string,
  members: object = {},
  o: Options = {},
) =>
  ({
    topic: 'state',
    type: C.OrderStateTopic.type,
    subject: id,
    time,
    ...o,
    data: {
      id,
      version,
      source: 'api',
      status: 'placed',
      contactId,
      currency: 'EUR',
      placedAt: time,
      lines: [],
      totals: { subtotalMinor: 0, discountMinor: 0, taxMinor: 0, totalMinor: 0 },
      ...members,
    },
  }) satisfies FedMessage;

const sales = (type: string, subject: string, time: string, data: object, o: Options = {}) =>
  ({ topic: 'sales', type, subject, time, ...o, data }) satisfies FedMessage;

export const leadCaptured = (leadId: string, time: string, o: Options = {}) =>
  sales(
    C.LeadCaptured.type,
    leadId,
    time,
    { leadId, source: 'web_form', ownerId: 'rep-1', capturedAt: time },
    o,
  );
export const leadQualified = (leadId: string, time: string, o: Options = {}) =>
  sales(C.LeadQualified.type, leadId, time, { leadId, qualifiedAt: time }, o);
export const leadConverted = (
  leadId: string,
  contactId: string,
  opportunityId: string,
  time: string,
  o: Options = {},
) =>
  sales(
    C.LeadConverted.type,
    leadId,
    time,
    { leadId, contactId, opportunityId, convertedAt: time },
    o,
  );

export const opportunityOpened = (
  opportunityId: string,
  contactId: string,
  time: string,
  o: Options = {},
) =>
  sales(
    C.OpportunityOpened.type,
    opportunityId,
    time,
    {
      opportunityId,
      pipelineId: 'pipe-1',
      stageId: 'qualify',
      contactId,
      amount: { amount: '5000.00', currency: 'EUR' },
      amountMinor: 500_000,
      currency: 'EUR',
      probability: 0.2,
      probabilityPercent: 20,
      ownerId: 'rep-1',
      openedAt: time,
    },
    o,
  );
export const stageChanged = (
  opportunityId: string,
  from: string,
  to: string,
  time: string,
  o: Options = {},
) =>
  sales(
    C.OpportunityStageChanged.type,
    opportunityId,
    time,
    {
      opportunityId,
      pipelineId: 'pipe-1',
      fromStageId: from,
      toStageId: to,
      probability: 0.6,
      probabilityPercent: 60,
      changedAt: time,
    },
    o,
  );
export const won = (opportunityId: string, time: string, o: Options = {}) =>
  sales(
    C.OpportunityWon.type,
    opportunityId,
    time,
    {
      opportunityId,
      amount: { amount: '4800.00', currency: 'EUR' },
      amountMinor: 480_000,
      currency: 'EUR',
      stageId: 'won',
      wonAt: time,
    },
    o,
  );

const campaigns = (type: string, subject: string, time: string, data: object, o: Options = {}) =>
  ({ topic: 'campaigns', type, subject, time, ...o, data }) satisfies FedMessage;

export const launched = (campaignId: string, time: string, o: Options = {}) =>
  campaigns(
    C.CampaignLaunched.type,
    campaignId,
    time,
    { campaignId, channel: 'email', name: 'Spring', launchedAt: time },
    o,
  );
export const sent = (
  messageId: string,
  campaignId: string,
  contactId: string,
  time: string,
  o: Options = {},
) =>
  campaigns(
    C.MessageSent.type,
    messageId,
    time,
    { messageId, campaignId, contactId, channel: 'email', sentAt: time },
    o,
  );
export const opened = (
  messageId: string,
  campaignId: string,
  contactId: string,
  time: string,
  o: Options = {},
) =>
  campaigns(
    C.MessageOpened.type,
    messageId,
    time,
    { messageId, campaignId, contactId, openedAt: time },
    o,
  );
export const clicked = (
  messageId: string,
  campaignId: string,
  contactId: string,
  time: string,
  o: Options = {},
) =>
  campaigns(
    C.MessageClicked.type,
    messageId,
    time,
    { messageId, campaignId, contactId, url: 'https://example.com/x', clickedAt: time },
    o,
  );
export const joinedSegment = (
  segmentId: string,
  contactId: string,
  time: string,
  o: Options = {},
) =>
  campaigns(
    C.SegmentMemberJoined.type,
    segmentId,
    time,
    {
      segmentId,
      segmentName: 'Fans',
      contactId,
      ruleVersion: 1,
      reasons: ['purchases.count'],
      joinedAt: time,
    },
    o,
  );
