/**
 * `crm.aftersales.v1`: installed products (assets), their warranty and maintenance, service
 * cases and their SLA. Ids, codes, dates and numbers only: a case's subject, description and
 * messages are personal data of its contact and stay in the after-sales service (crypto-shredded
 * with the contact), so no consumer ever holds a copy to erase.
 */
import { defineIntegrationEvent } from './integration-event';
import {
  date,
  id,
  integer,
  nullable,
  object,
  oneOf,
  text,
  timestamp,
  type JsonSchema,
} from './json-schema';

const assetId = id('Asset (installed product) id: the subject');
const caseId = id('Case id: the subject');
const contactId = id('Owner or case contact');
const companyId = nullable(id('Owner company'));
const productId = id('Product (sales catalogue)');

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const CHANNELS = ['email', 'phone', 'sms', 'chat', 'web', 'touchpoint'] as const;
const RESOLUTION_CODES = [
  'repaired',
  'part_replaced',
  'unit_replaced',
  'failure_not_repairable',
  'answered',
  'configuration_changed',
  'user_error',
  'no_fault_found',
  'duplicate',
  'withdrawn',
] as const;

function aftersales(
  aggregate: 'asset' | 'case',
  fact: string,
  summary: string,
  schema: JsonSchema,
) {
  return defineIntegrationEvent({ service: 'aftersales', aggregate, fact, summary, schema });
}

export interface AssetRegisteredV1 {
  assetId: string;
  productId: string;
  contactId: string;
  companyId?: string | null;
  /** `order`: one delivered unit of a fulfilled order line; `manual`: registered by an agent. */
  source: 'order' | 'manual';
  orderId?: string | null;
  serialNumber?: string | null;
  deliveredOn: string;
  warrantyEndsOn?: string | null;
  registeredAt: string;
}
export const AssetRegistered = aftersales(
  'asset',
  'registered',
  'An installed product exists: a delivered unit of a fulfilled order, or registered by hand.',
  object(
    {
      assetId,
      productId,
      contactId,
      companyId,
      source: oneOf(['order', 'manual'], 'Where it came from'),
      orderId: nullable(id('Fulfilled order it was delivered with')),
      serialNumber: nullable(text('Serial number', 100)),
      deliveredOn: date('Delivery day'),
      warrantyEndsOn: nullable(date('Last day of the base warranty; null without one')),
      registeredAt: timestamp('When'),
    },
    ['assetId', 'productId', 'contactId', 'source', 'deliveredOn', 'registeredAt'],
  ),
);

export interface AssetTransferredV1 {
  assetId: string;
  fromContactId: string;
  contactId: string;
  companyId?: string | null;
  on: string;
  transferredAt: string;
}
export const AssetTransferred = aftersales(
  'asset',
  'transferred',
  'An asset changed owner (contactId/companyId are the new owner).',
  object(
    {
      assetId,
      fromContactId: id('Previous owner contact'),
      contactId,
      companyId,
      on: date('Day of the transfer'),
      transferredAt: timestamp('When'),
    },
    ['assetId', 'fromContactId', 'contactId', 'on', 'transferredAt'],
  ),
);

export interface WarrantyExpiringV1 {
  assetId: string;
  productId: string;
  contactId: string;
  endsOn: string;
  daysLeft: number;
  announcedAt: string;
}
export const WarrantyExpiring = aftersales(
  'asset',
  'warranty_expiring',
  "An asset's warranty ends within 30 days: announced once per end date (an extension moves the end and is announced in its turn), so campaigns can offer an extension.",
  object(
    {
      assetId,
      productId,
      contactId,
      endsOn: date('Last day of cover'),
      daysLeft: integer('Days from the announcement to endsOn', 0),
      announcedAt: timestamp('When'),
    },
    ['assetId', 'productId', 'contactId', 'endsOn', 'daysLeft', 'announcedAt'],
  ),
);

export interface MaintenanceDueV1 {
  assetId: string;
  productId: string;
  contactId: string;
  planId: string;
  dueOn: string;
  announcedAt: string;
}
export const MaintenanceDue = aftersales(
  'asset',
  'maintenance_due',
  'Preventive maintenance of an asset falls due (once per plan and due day).',
  object(
    {
      assetId,
      productId,
      contactId,
      planId: id('Maintenance plan'),
      dueOn: date('Projected due day'),
      announcedAt: timestamp('When'),
    },
    ['assetId', 'productId', 'contactId', 'planId', 'dueOn', 'announcedAt'],
  ),
);

export interface UpgradeSuggestedV1 {
  assetId: string;
  productId: string;
  contactId: string;
  reason: 'failures' | 'repair_costs';
  failures: number;
  suggestedAt: string;
}
export const UpgradeSuggested = aftersales(
  'asset',
  'upgrade_suggested',
  'An asset failed often or cost much to repair: offer the customer newer equipment.',
  object(
    {
      assetId,
      productId,
      contactId,
      reason: oneOf(['failures', 'repair_costs'], 'Which threshold it passed'),
      failures: integer('Failures counted', 0),
      suggestedAt: timestamp('When'),
    },
    ['assetId', 'productId', 'contactId', 'reason', 'failures', 'suggestedAt'],
  ),
);

export interface CaseOpenedV1 {
  caseId: string;
  contactId: string;
  assetId?: string | null;
  channel: (typeof CHANNELS)[number];
  category: string;
  priority: (typeof PRIORITIES)[number];
  openedAt: string;
}
export const CaseOpened = aftersales(
  'case',
  'opened',
  'A service case was opened (its subject and text stay in the after-sales service).',
  object(
    {
      caseId,
      contactId,
      assetId: nullable(id('Asset the case is about')),
      channel: oneOf(CHANNELS, 'Where it came in'),
      category: text('Category code', 64),
      priority: oneOf(PRIORITIES, 'Priority'),
      openedAt: timestamp('When'),
    },
    ['caseId', 'contactId', 'channel', 'category', 'priority', 'openedAt'],
  ),
);

export interface CaseResolvedV1 {
  caseId: string;
  contactId: string;
  resolutionCode: (typeof RESOLUTION_CODES)[number];
  failure: boolean;
  coverage: 'in_warranty' | 'out_of_warranty' | 'no_asset';
  billable: boolean;
  resolvedAt: string;
}
export const CaseResolved = aftersales(
  'case',
  'resolved',
  'A case was resolved with a code; failure codes count for reliability, billable = out of warranty.',
  object(
    {
      caseId,
      contactId,
      resolutionCode: oneOf(RESOLUTION_CODES, 'Resolution code'),
      failure: { type: 'boolean', description: 'A product failure (reliability)' },
      coverage: oneOf(['in_warranty', 'out_of_warranty', 'no_asset'], 'Warranty on the day'),
      billable: { type: 'boolean', description: 'Charged to the customer' },
      resolvedAt: timestamp('When'),
    },
    ['caseId', 'contactId', 'resolutionCode', 'failure', 'coverage', 'billable', 'resolvedAt'],
  ),
);

export interface CaseReopenedV1 {
  caseId: string;
  contactId: string;
  from: 'resolved' | 'closed';
  reopenedAt: string;
}
export const CaseReopened = aftersales(
  'case',
  'reopened',
  'A resolved or closed case was reopened (within 14 days of its resolution).',
  object(
    {
      caseId,
      contactId,
      from: oneOf(['resolved', 'closed'], 'Status it was reopened from'),
      reopenedAt: timestamp('When'),
    },
    ['caseId', 'contactId', 'from', 'reopenedAt'],
  ),
);

export interface SlaBreachedV1 {
  caseId: string;
  contactId: string;
  clock: 'first_response' | 'resolution';
  priority: (typeof PRIORITIES)[number];
  dueAt: string;
  breachedAt: string;
}
export const SlaBreached = aftersales(
  'case',
  'sla_breached',
  'A case missed its first-response or resolution target (business hours): published once per clock.',
  object(
    {
      caseId,
      contactId,
      clock: oneOf(['first_response', 'resolution'], 'Which target'),
      priority: oneOf(PRIORITIES, 'Priority whose target was missed'),
      dueAt: timestamp('The target instant'),
      breachedAt: timestamp('When the breach was noticed'),
    },
    ['caseId', 'contactId', 'clock', 'priority', 'dueAt', 'breachedAt'],
  ),
);

export interface SatisfactionRecordedV1 {
  caseId: string;
  contactId: string;
  score: number;
  recordedAt: string;
}
export const SatisfactionRecorded = aftersales(
  'case',
  'satisfaction_recorded',
  'The customer rated a resolved case 1-5 (once).',
  object(
    {
      caseId,
      contactId,
      score: integer('Satisfaction 1-5', 1, 5),
      recordedAt: timestamp('When'),
    },
    ['caseId', 'contactId', 'score', 'recordedAt'],
  ),
);

export const AFTERSALES_EVENTS = [
  AssetRegistered,
  AssetTransferred,
  WarrantyExpiring,
  MaintenanceDue,
  UpgradeSuggested,
  CaseOpened,
  CaseResolved,
  CaseReopened,
  SlaBreached,
  SatisfactionRecorded,
] as const;
