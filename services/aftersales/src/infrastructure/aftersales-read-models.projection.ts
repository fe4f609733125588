/** The service's one projection, assembled from the feature parts (see read-model-part.ts). */
import type { Projection } from '@crm/event-sourcing';
import { assetsPart } from '../assets/assets.projection';
import { casesPart } from '../cases/cases.projection';
import { noticesPart } from '../notices/notices.projection';
import { S, type ReadModelPart } from './read-model-part';

const PARTS: readonly ReadModelPart[] = [assetsPart, casesPart, noticesPart];

export const aftersalesReadModels: Projection = {
  name: 'aftersales.read_models',
  version: 1,
  handlers: Object.assign({}, ...PARTS.map((part) => part.handlers)),
  async init(tx) {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    for (const part of PARTS) await tx.query(part.ddl);
  },
  async reset(tx) {
    const tables = PARTS.flatMap((part) => part.tables).map((table) => `${S}.${table}`);
    await tx.query(`TRUNCATE ${tables.join(', ')}`);
  },
};
