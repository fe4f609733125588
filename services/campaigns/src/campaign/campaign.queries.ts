/**
 * Reads of the campaign read model: one campaign, the filtered keyset list and the stats.
 * Scoped by tenant first; every value is a bound parameter.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { CampaignState } from './campaign.decider';
import type {
  CampaignDto,
  CampaignPage,
  CampaignSort,
  CampaignStatsDto,
  ListCampaignsQuery,
} from './campaign.dto';
import { campaignStats, type VariantCountsRow } from './campaign-stats';

interface CampaignRow {
  campaign_id: string;
  state: CampaignState;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'campaign_id, state, version, created_at, updated_at';

const SORT_COLUMNS = {
  name: { column: 'lower(name)', cast: 'text' },
  createdAt: { column: 'created_at', cast: 'timestamptz' },
  updatedAt: { column: 'updated_at', cast: 'timestamptz' },
} as const;

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class CampaignQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async get(tenant: string, campaignId: string): Promise<CampaignDto | undefined> {
    const row = await this.row(tenant, campaignId);
    return row && campaignDto(row);
  }

  async stats(tenant: string, campaignId: string): Promise<CampaignStatsDto | undefined> {
    const row = await this.row(tenant, campaignId);
    if (!row) return undefined;
    const { rows } = await this.pool.query<VariantCountsRow>(
      `SELECT variant_id AS "variantId", sent::float8 AS sent, delivered::float8 AS delivered,
              opened::float8 AS opened, clicked::float8 AS clicked, converted::float8 AS converted
         FROM ${S}.campaign_variant_counts WHERE tenant = $1 AND campaign_id = $2 ORDER BY position`,
      [tenant, campaignId],
    );
    return campaignStats(row.state, rows);
  }

  async list(tenant: string, q: ListCampaignsQuery): Promise<CampaignPage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (q.status) where.push(`status = ${bind(q.status)}`);
    if (q.kind) where.push(`kind = ${bind(q.kind)}`);
    if (q.channel) where.push(`channel = ${bind(q.channel)}`);
    for (const word of (q.q ?? '').trim().split(/\s+/).filter(Boolean))
      where.push(`lower(name) LIKE ${bind(containing(word))}`);
    const sort: CampaignSort = q.sort ?? '-createdAt';
    const descending = sort.startsWith('-');
    const { column, cast } = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    const keyset = new KeysetPage(
      this.cursors,
      { list: `campaigns:${sort}`, column, cast, idColumn: 'campaign_id', descending },
      q,
    );
    keyset.appendAfter(where, params);
    const direction = descending ? 'DESC' : 'ASC';
    const { rows } = await this.pool.query<CampaignRow & { sort_value: string }>(
      `SELECT ${COLUMNS}, ${column}::text AS sort_value FROM ${S}.campaigns
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction}, campaign_id ${direction}
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(rows, campaignDto, (last) => ({
      value: last.sort_value,
      id: last.campaign_id,
    }));
  }

  private async row(tenant: string, campaignId: string): Promise<CampaignRow | undefined> {
    const { rows } = await this.pool.query<CampaignRow>(
      `SELECT ${COLUMNS} FROM ${S}.campaigns WHERE tenant = $1 AND campaign_id = $2`,
      [tenant, campaignId],
    );
    return rows[0];
  }
}

function campaignDto(row: CampaignRow): CampaignDto {
  const { state } = row;
  const d = state.definition!;
  return {
    id: row.campaign_id,
    name: d.name,
    kind: d.kind,
    channel: d.channel,
    audience: d.audience,
    variants: [...d.variants],
    ...(d.abTest ? { abTest: d.abTest } : {}),
    ...(d.nextBestOffer ? { nextBestOffer: d.nextBestOffer } : {}),
    ...(d.cost ? { cost: d.cost } : {}),
    sender: d.sender,
    status: state.status,
    sendAt: state.sendAt,
    launchedAt: state.launchedAt,
    phase: state.phase,
    ...(state.winner !== undefined ? { winner: state.winner } : {}),
    finishedAt: state.finishedAt,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
