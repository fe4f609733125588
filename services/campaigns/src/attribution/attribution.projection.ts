/**
 * The attribution read models, a projection of their own (`campaigns.attribution`: own checkpoint,
 * narrowed to the message and conversion streams) so they never compete with the messages part
 * for the same event handlers:
 * - `attribution_messages`: which campaign, variant and person each message is (from dispatch);
 * - `attribution_touches`: every open and click, human or not, indexed by person and time, which
 *   the attribution consumer asks "what did this person respond to before the order";
 * - `campaign_conversions`: per campaign, variant and currency, the orders credited and their
 *   revenue (a reversal takes both back).
 */
import type { PoolClient } from 'pg';
import { idOfStream, type Projection, type ProjectionHandler } from '@crm/event-sourcing';
import { S } from '../infrastructure/read-model-part';
import type { ConversionEvent } from './conversion.events';

export const ATTRIBUTION_TABLES = [
  'attribution_messages',
  'attribution_touches',
  'campaign_conversions',
] as const;

const DDL = `
CREATE TABLE IF NOT EXISTS ${S}.attribution_messages (
  tenant text NOT NULL,
  message_id text NOT NULL,
  contact_id text NOT NULL,
  campaign_id text NOT NULL,
  variant_id text,
  PRIMARY KEY (tenant, message_id)
);
CREATE TABLE IF NOT EXISTS ${S}.attribution_touches (
  tenant text NOT NULL,
  message_id text NOT NULL,
  stream_version integer NOT NULL,
  contact_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('open', 'click')),
  at timestamptz NOT NULL,
  human boolean NOT NULL,
  PRIMARY KEY (tenant, message_id, stream_version)
);
CREATE INDEX IF NOT EXISTS attribution_touches_by_person
  ON ${S}.attribution_touches (tenant, contact_id, at);
CREATE TABLE IF NOT EXISTS ${S}.campaign_conversions (
  tenant text NOT NULL,
  campaign_id text NOT NULL,
  variant_id text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  conversions integer NOT NULL DEFAULT 0,
  revenue_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant, campaign_id, variant_id, currency)
);`;

interface MessageFacts {
  readonly messageId: string;
  readonly campaignId: string;
  readonly contactId: string;
  readonly variantId?: string;
  readonly at: string;
  readonly countsInRates?: boolean;
}

const dispatched: ProjectionHandler = async (event, tx) => {
  const d = event.data as MessageFacts;
  await tx.query(
    `INSERT INTO ${S}.attribution_messages (tenant, message_id, contact_id, campaign_id, variant_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [
      event.tenant,
      d.messageId ?? idOfStream(event.streamId),
      d.contactId,
      d.campaignId,
      d.variantId ?? null,
    ],
  );
};

const touch =
  (kind: 'open' | 'click'): ProjectionHandler =>
  async (event, tx) => {
    const d = event.data as MessageFacts;
    await tx.query(
      `INSERT INTO ${S}.attribution_touches (tenant, message_id, stream_version, contact_id, kind, at, human)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        event.tenant,
        d.messageId ?? idOfStream(event.streamId),
        event.streamVersion,
        d.contactId,
        kind,
        d.at,
        d.countsInRates === true,
      ],
    );
  };

async function addConversion(
  tx: PoolClient,
  tenant: string,
  key: { campaignId: string; variantId: string | null; currency: string | null },
  conversions: number,
  revenueMinor: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.campaign_conversions AS c (tenant, campaign_id, variant_id, currency, conversions, revenue_minor)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant, campaign_id, variant_id, currency) DO UPDATE
       SET conversions = c.conversions + EXCLUDED.conversions,
           revenue_minor = c.revenue_minor + EXCLUDED.revenue_minor`,
    [tenant, key.campaignId, key.variantId ?? '', key.currency ?? '', conversions, revenueMinor],
  );
}

const conversion: ProjectionHandler = async (event, tx) => {
  const e = { type: event.type, data: event.data } as ConversionEvent;
  const sign = e.type === 'ConversionAttributed' ? 1 : -1;
  await addConversion(tx, event.tenant, e.data, sign, sign * e.data.revenueMinor);
};

export const attributionProjection: Projection = {
  name: 'campaigns.attribution',
  version: 1,
  categories: ['message', 'conversion'],
  handlers: {
    MessageDispatched: dispatched,
    MessageOpened: touch('open'),
    MessageClicked: touch('click'),
    ConversionAttributed: conversion,
    ConversionReversed: conversion,
  },
  async init(tx) {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    await tx.query(DDL);
  },
  async reset(tx) {
    await tx.query(`TRUNCATE ${ATTRIBUTION_TABLES.map((t) => `${S}.${t}`).join(', ')}`);
  },
};
