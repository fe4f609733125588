/**
 * Reads of the templates read model: one template with its current content, one pinned version
 * (what the sender loads: `loadVersion`), and the filtered keyset list. Scoped by tenant first;
 * every value is a bound parameter.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { keysetList, type KeysetListSource } from '../shared/keyset-list';
import { variablesOf } from './template-check';
import type { TemplateChannel, TemplateContent } from './template-content';
import type {
  ListTemplatesQuery,
  TemplateDto,
  TemplatePage,
  TemplateVersionDto,
} from './template.dto';
import type { TemplateStatus } from './template.events';
import type { RenderableVersion } from './template-rendering';
import { smsLength } from './sms-encoding';

interface TemplateRow {
  template_id: string;
  channel: TemplateChannel;
  name: string;
  status: TemplateStatus;
  current_version: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  content: TemplateContent;
}

/** A pinned version as the sender renders it (renderMessage takes it as is). */
export interface LoadedTemplateVersion extends RenderableVersion {
  readonly templateId: string;
  readonly number: number;
  readonly name: string;
  readonly status: TemplateStatus;
}

const COLUMNS = `t.template_id, t.channel, t.name, t.status, t.current_version, t.version,
    t.created_at, t.updated_at, v.content`;

/** A template joined to its current version's content. */
const FROM = `${S}.templates t
  JOIN ${S}.template_versions v
    ON v.tenant = t.tenant AND v.template_id = t.template_id AND v.version_no = t.current_version`;

const LIST: KeysetListSource = {
  list: 'templates',
  columns: COLUMNS,
  from: FROM,
  alias: 't',
  idColumn: 'template_id',
};

@Injectable()
export class TemplateQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async get(tenant: string, templateId: string): Promise<TemplateDto | undefined> {
    const { rows } = await this.pool.query<TemplateRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE t.tenant = $1 AND t.template_id = $2`,
      [tenant, templateId],
    );
    return rows[0] && templateDto(rows[0]);
  }

  async version(
    tenant: string,
    templateId: string,
    n: number,
  ): Promise<TemplateVersionDto | undefined> {
    const { rows } = await this.pool.query<{ content: TemplateContent; created_at: Date }>(
      `SELECT content, created_at FROM ${S}.template_versions
        WHERE tenant = $1 AND template_id = $2 AND version_no = $3`,
      [tenant, templateId, n],
    );
    const row = rows[0];
    return (
      row && {
        templateId,
        number: n,
        ...contentView(row.content),
        createdAt: row.created_at.toISOString(),
      }
    );
  }

  /** Version `n` of a template, or its current one; undefined when either is unknown. */
  async loadVersion(
    tenant: string,
    templateId: string,
    n?: number,
  ): Promise<LoadedTemplateVersion | undefined> {
    const { rows } = await this.pool.query<{
      content: TemplateContent;
      version_no: number;
      name: string;
      status: TemplateStatus;
    }>(
      `SELECT v.content, v.version_no, t.name, t.status FROM ${S}.templates t
         JOIN ${S}.template_versions v ON v.tenant = t.tenant AND v.template_id = t.template_id
        WHERE t.tenant = $1 AND t.template_id = $2 AND v.version_no = coalesce($3, t.current_version)`,
      [tenant, templateId, n ?? null],
    );
    const row = rows[0];
    return (
      row && {
        templateId,
        number: row.version_no,
        name: row.name,
        status: row.status,
        content: row.content,
      }
    );
  }

  list(tenant: string, q: ListTemplatesQuery): Promise<TemplatePage> {
    const filters = { status: q.status, channel: q.channel };
    return keysetList(this.pool, this.cursors, LIST, tenant, q, filters, templateDto);
  }
}

/** The content as the API shows it: its sources, the variables they read, an SMS's raw length. */
export function contentView(content: TemplateContent) {
  const variables = variablesOf(content);
  if (content.channel === 'sms') {
    const counted = smsLength(content.text);
    return {
      channel: content.channel,
      text: content.text,
      sms: { encoding: counted.encoding, length: counted.units, segments: counted.segments },
      variables,
    };
  }
  return {
    channel: content.channel,
    subject: content.subject,
    html: content.html,
    ...(content.text !== undefined ? { text: content.text } : {}),
    variables,
  };
}

function templateDto(row: TemplateRow): TemplateDto {
  return {
    id: row.template_id,
    name: row.name,
    status: row.status,
    currentVersion: row.current_version,
    ...contentView(row.content),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
