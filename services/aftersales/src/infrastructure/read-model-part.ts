/**
 * The service keeps one projection (`aftersales.read_models`, one lock, one checkpoint) assembled
 * from a part per feature: each part owns its tables and the handlers that fill them.
 */
import type { ProjectionHandler } from '@crm/event-sourcing';
import { AFTERSALES_SCHEMA } from './schema';

export interface ReadModelPart {
  /** Idempotent DDL (CREATE TABLE IF NOT EXISTS ...). */
  readonly ddl: string;
  /** Tables emptied before a rebuild. */
  readonly tables: readonly string[];
  readonly handlers: Readonly<Record<string, ProjectionHandler>>;
}

export const S = AFTERSALES_SCHEMA;
