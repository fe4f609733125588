/** The service's one projection, assembled from the feature parts (see read-model-part.ts). */
import type { Projection } from '@crm/event-sourcing';
import { contactDirectoryPart } from '../contact-directory/contact-directory.table';
import { activityListPart } from '../activities/activity-list.projection';
import { leadListPart } from '../leads/lead-list.projection';
import { dealListPart } from '../opportunities/deal-list.projection';
import { orderHistoryPart } from '../orders/order-history.projection';
import { pipelineListPart } from '../pipelines/pipeline-list.projection';
import { catalogPart } from '../products/catalog.projection';
import { quotePart } from '../quotes/quote.projection';
import { S, type ReadModelPart } from './read-model-part';

const PARTS: readonly ReadModelPart[] = [
  leadListPart,
  pipelineListPart,
  dealListPart,
  activityListPart,
  catalogPart,
  quotePart,
  orderHistoryPart,
  contactDirectoryPart,
];

export const salesReadModels: Projection = {
  name: 'sales.read_models',
  // 2: deals gained expected_close_date, created_at and updated_at (GET /opportunities sorts).
  // 3: activities gained created_at (GET /activities, newest first).
  // 4: quotes gained contact_id and created_at (GET /quotes).
  // 5: lead_list gained updated_at (GET /leads sorts).
  // 6: an activity's state keeps heldAt and its completion notes (GET /activities shows them).
  version: 6,
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
