/**
 * The assets read model part: `assets` (one row per installed product: owner, product, delivery,
 * warranty cover, retirement, a short history) and `asset_readings` (every meter reading). Each
 * row is written from the event alone (its business time included), so a rebuild writes the same
 * rows; a handler only applies an event newer than the row's version, so a replay changes nothing.
 */
import { idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import type { AssetEvent } from './asset.events';
import { coverageOf } from './warranty';

const apply: ProjectionHandler = async (event, tx: PoolClient) => {
  const assetId = idOfStream(event.streamId);
  const at = event.metadata.occurredAt;
  const e = { type: event.type, data: event.data } as AssetEvent;
  const entry = (what: Record<string, unknown>) =>
    JSON.stringify([{ type: e.type, at, version: event.streamVersion, ...what }]);
  const touch = (set: string, history: Record<string, unknown>, values: unknown[]) =>
    tx.query(
      `UPDATE ${S}.assets SET ${set ? `${set}, ` : ''}history = history || $5::jsonb,
              version = $3, updated_at = $4
        WHERE tenant = $1 AND asset_id = $2 AND version < $3`,
      [event.tenant, assetId, event.streamVersion, at, entry(history), ...values],
    );
  switch (e.type) {
    case 'AssetRegistered': {
      const d = e.data;
      const base = coverageOf(d.deliveredOn, d.warrantyMonths);
      await tx.query(
        `INSERT INTO ${S}.assets (tenant, asset_id, product_id, contact_id, company_id, source_kind,
            order_id, serial_number, options, delivered_on, warranty_months, coverage, history,
            version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
         ON CONFLICT DO NOTHING`,
        [
          event.tenant,
          assetId,
          d.productId,
          d.owner.contactId,
          d.owner.companyId ?? null,
          d.source.kind,
          d.source.kind === 'order' ? d.source.orderId : null,
          d.serialNumber ?? null,
          JSON.stringify(d.options),
          d.deliveredOn,
          d.warrantyMonths,
          JSON.stringify(base ? [base] : []),
          entry({ source: d.source, deliveredOn: d.deliveredOn, contactId: d.owner.contactId }),
          event.streamVersion,
          at,
        ],
      );
      return;
    }
    case 'AssetTransferred':
      await touch(
        'contact_id = $6, company_id = $7',
        { from: e.data.from, to: e.data.to, on: e.data.on },
        [e.data.to.contactId, e.data.to.companyId ?? null],
      );
      return;
    case 'AssetRetired':
      await touch('retired_on = $6', { on: e.data.on, reason: e.data.reason }, [e.data.on]);
      return;
    case 'WarrantyExtended': {
      const period = { from: e.data.from, to: e.data.to };
      await touch(
        'coverage = coverage || $6::jsonb',
        { contractId: e.data.contractId, ...period },
        [JSON.stringify([period])],
      );
      return;
    }
    case 'MeterReadingRecorded': {
      const { unit, value, readAt } = e.data;
      await tx.query(
        `INSERT INTO ${S}.asset_readings (tenant, asset_id, unit, read_at, value)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [event.tenant, assetId, unit, readAt, value],
      );
      await touch('', { unit, value, readAt }, []);
      return;
    }
  }
};

export const assetsPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.assets (
      tenant text NOT NULL,
      asset_id text NOT NULL,
      product_id text NOT NULL,
      contact_id text NOT NULL,
      company_id text,
      source_kind text NOT NULL,
      order_id text,
      serial_number text,
      options jsonb NOT NULL,
      delivered_on text NOT NULL, -- YYYY-MM-DD (text: sorts as a date, reads back as written)
      warranty_months int NOT NULL,
      -- [{from, to}] calendar dates, inclusive; warranty status is derived per day at read time
      coverage jsonb NOT NULL,
      retired_on text,
      history jsonb NOT NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, asset_id)
    );
    CREATE INDEX IF NOT EXISTS assets_by_contact ON ${S}.assets (tenant, contact_id, created_at);
    CREATE INDEX IF NOT EXISTS assets_by_company ON ${S}.assets (tenant, company_id, created_at);
    CREATE INDEX IF NOT EXISTS assets_by_product ON ${S}.assets (tenant, product_id, created_at);
    CREATE INDEX IF NOT EXISTS assets_by_order ON ${S}.assets (tenant, order_id);
    CREATE TABLE IF NOT EXISTS ${S}.asset_readings (
      tenant text NOT NULL,
      asset_id text NOT NULL,
      unit text NOT NULL,
      read_at timestamptz NOT NULL,
      value double precision NOT NULL,
      PRIMARY KEY (tenant, asset_id, unit, read_at)
    );`,
  tables: ['assets', 'asset_readings'],
  handlers: {
    AssetRegistered: apply,
    AssetTransferred: apply,
    AssetRetired: apply,
    WarrantyExtended: apply,
    MeterReadingRecorded: apply,
  },
};
