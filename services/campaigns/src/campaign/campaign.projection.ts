import type { ReadModelPart } from '../infrastructure/read-model-part';

/** The read-model part of this feature (its tables and handlers); filled in as the feature lands. */
export const campaignPart: ReadModelPart = { ddl: 'SELECT 1', tables: [], handlers: {} };
