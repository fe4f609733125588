/** The service's one projection, assembled from the feature parts (see read-model-part.ts). */
import type { Projection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from './read-model-part';
import { segmentsPart } from '../segments/segments.projection';
import { segmentMembersPart } from '../membership/segment-members.projection';
import { templatesPart } from '../templates/templates.projection';
import { outboxPart } from '../channels/outbox.projection';
import { campaignPart } from '../campaign/campaign.projection';
import { campaignMessagesPart } from '../sending/campaign-messages.projection';

const PARTS: readonly ReadModelPart[] = [
  segmentsPart,
  segmentMembersPart,
  templatesPart,
  outboxPart,
  campaignPart,
  campaignMessagesPart,
];

export const campaignsReadModels: Projection = {
  name: 'campaigns.read_models',
  version: 1,
  handlers: Object.assign({}, ...PARTS.map((part) => part.handlers)),
  async init(tx) {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    for (const part of PARTS) await tx.query(part.ddl);
  },
  async reset(tx) {
    const tables = PARTS.flatMap((part) => part.tables).map((table) => `${S}.${table}`);
    if (tables.length === 0) return;
    await tx.query(`TRUNCATE ${tables.join(', ')}`);
  },
};
