/**
 * Reads of the campaign read model: one campaign, the filtered keyset list and the stats.
 * Scoped by tenant first; every value is a bound parameter.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { keysetList, type KeysetListSource } from '../shared/keyset-list';
import type { CampaignState } from './campaign.decider';
import type {
  CampaignDto,
  CampaignPage,
  CampaignStatsDto,
  ListCampaignsQuery,
} from './campaign.dto';
import { campaignStats, type VariantConversionsRow, type VariantCountsRow } from './campaign-stats';

interface CampaignRow {
  campaign_id: string;
  state: CampaignState;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'campaign_id, state, version, created_at, updated_at';

const LIST: KeysetListSource = {
  list: 'campaigns',
  columns: COLUMNS,
  from: `${S}.campaigns`,
  idColumn: 'campaign_id',
};

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
    const conversions = await this.pool.query<VariantConversionsRow>(
      `SELECT variant_id AS "variantId", currency, conversions::float8 AS conversions,
              revenue_minor::float8 AS "revenueMinor"
         FROM ${S}.campaign_conversions WHERE tenant = $1 AND campaign_id = $2`,
      [tenant, campaignId],
    );
    return campaignStats(row.state, rows, conversions.rows);
  }

  list(tenant: string, q: ListCampaignsQuery): Promise<CampaignPage> {
    const filters = { status: q.status, kind: q.kind, channel: q.channel };
    return keysetList(this.pool, this.cursors, LIST, tenant, q, filters, campaignDto);
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
