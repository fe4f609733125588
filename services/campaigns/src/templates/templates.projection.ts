/**
 * The templates read model part: `templates` (one row per template, its current version) and
 * `template_versions` (every version's content, what a campaign pins and the sender loads).
 * Each row is written from the event alone (its business time included), so a rebuild writes the
 * same rows.
 */
import { handlersFor, idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import type { TemplateEvent } from './template.events';

const addVersion = (
  tx: PoolClient,
  tenant: string,
  templateId: string,
  version: number,
  content: unknown,
  at: string,
) =>
  tx.query(
    `INSERT INTO ${S}.template_versions (tenant, template_id, version_no, content, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [tenant, templateId, version, JSON.stringify(content), at],
  );

const apply: ProjectionHandler = async (event, tx: PoolClient) => {
  const id = idOfStream(event.streamId);
  const at = event.metadata.occurredAt;
  const e = { type: event.type, data: event.data } as TemplateEvent;
  const touch = (set: string, values: unknown[]) =>
    tx.query(
      `UPDATE ${S}.templates SET ${set ? `${set}, ` : ''}version = $3, updated_at = $4
        WHERE tenant = $1 AND template_id = $2`,
      [event.tenant, id, event.streamVersion, at, ...values],
    );
  switch (e.type) {
    case 'TemplateCreated':
      await tx.query(
        `INSERT INTO ${S}.templates (tenant, template_id, channel, name, status, current_version,
            version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'active', 1, $5, $6, $6) ON CONFLICT DO NOTHING`,
        [event.tenant, id, e.data.channel, e.data.name, event.streamVersion, at],
      );
      await addVersion(tx, event.tenant, id, 1, e.data.content, at);
      return;
    case 'TemplateRevised':
      await addVersion(tx, event.tenant, id, e.data.version, e.data.content, at);
      await touch('current_version = $5', [e.data.version]);
      return;
    case 'TemplateRenamed':
      await touch('name = $5', [e.data.name]);
      return;
    case 'TemplateArchived':
      await touch(`status = 'archived'`, []);
      return;
  }
};

export const templatesPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.templates (
      tenant text NOT NULL,
      template_id text NOT NULL,
      channel text NOT NULL,
      name text NOT NULL,
      status text NOT NULL,
      current_version int NOT NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, template_id)
    );
    CREATE TABLE IF NOT EXISTS ${S}.template_versions (
      tenant text NOT NULL,
      template_id text NOT NULL,
      version_no int NOT NULL,
      content jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, template_id, version_no)
    );
    CREATE INDEX IF NOT EXISTS templates_sorted_by_created ON ${S}.templates (tenant, created_at, template_id);
    CREATE INDEX IF NOT EXISTS templates_sorted_by_updated ON ${S}.templates (tenant, updated_at, template_id);
    CREATE INDEX IF NOT EXISTS templates_sorted_by_name ON ${S}.templates (tenant, lower(name), template_id);`,
  tables: ['templates', 'template_versions'],
  handlers: handlersFor<TemplateEvent>(
    { TemplateCreated: true, TemplateRevised: true, TemplateRenamed: true, TemplateArchived: true },
    apply,
  ),
};
