/**
 * The next preventive service of assets under their product's plans (maintenance-schedule.ts),
 * from the read model: the asset's delivery, its meter readings per unit. No service has been
 * recorded yet (there is no MaintenancePerformed fact), so each interval runs from delivery.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { CalendarDate } from '@crm/values';
import type { Pool } from 'pg';
import type { MeterReading } from '../assets/asset.decider';
import { S } from '../infrastructure/read-model-part';
import { readPlans, type MaintenancePlan } from './maintenance-plans';
import { nextDue, type DueItem, type NextDue } from './maintenance-schedule';

/** Assets looked at by one due list: beyond this the list needs paging by product. */
const MAX_ASSETS = 5000;

export interface AssetSchedule {
  readonly plan: MaintenancePlan;
  readonly next: NextDue;
}

interface AssetLifeRow {
  asset_id: string;
  product_id: string;
  delivered_on: CalendarDate;
}

@Injectable()
export class AssetSchedules {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Each plan of the asset's product with its next due; undefined for an unknown asset. */
  async ofAsset(tenant: string, assetId: string): Promise<AssetSchedule[] | undefined> {
    const { rows } = await this.pool.query<AssetLifeRow>(
      `SELECT asset_id, product_id, delivered_on FROM ${S}.assets WHERE tenant = $1 AND asset_id = $2`,
      [tenant, assetId],
    );
    const asset = rows[0];
    if (!asset) return undefined;
    const plans = await readPlans(this.pool, tenant, asset.product_id);
    const readings = await this.readings(tenant, [assetId]);
    return plans.map((plan) => ({ plan, next: this.next(plan, asset, readings) }));
  }

  /** Every live asset under a plan, with its next due (for the due list). */
  async dueItems(tenant: string): Promise<DueItem[]> {
    const plans = await readPlans(this.pool, tenant);
    if (plans.length === 0) return [];
    const { rows: assets } = await this.pool.query<AssetLifeRow>(
      `SELECT asset_id, product_id, delivered_on FROM ${S}.assets
        WHERE tenant = $1 AND retired_on IS NULL AND product_id = ANY($2::text[])
        ORDER BY asset_id LIMIT ${MAX_ASSETS}`,
      [tenant, [...new Set(plans.map((p) => p.productId))]],
    );
    const readings = await this.readings(
      tenant,
      assets.map((a) => a.asset_id),
    );
    return assets.flatMap((asset) =>
      plans
        .filter((plan) => plan.productId === asset.product_id)
        .map((plan) => ({
          assetId: asset.asset_id,
          planId: plan.planId,
          next: this.next(plan, asset, readings),
        })),
    );
  }

  private next(
    plan: MaintenancePlan,
    asset: AssetLifeRow,
    readings: Map<string, MeterReading[]>,
  ): NextDue {
    const unit = plan.interval.kind === 'usage' ? plan.interval.unit : undefined;
    return nextDue(plan.interval, {
      deliveredOn: asset.delivered_on,
      readings: unit ? (readings.get(`${asset.asset_id}/${unit}`) ?? []) : [],
    });
  }

  /** Readings per `assetId/unit`, in time order. */
  private async readings(tenant: string, assetIds: string[]): Promise<Map<string, MeterReading[]>> {
    const { rows } = await this.pool.query<{
      asset_id: string;
      unit: string;
      value: number;
      read_at: Date;
    }>(
      `SELECT asset_id, unit, value, read_at FROM ${S}.asset_readings
        WHERE tenant = $1 AND asset_id = ANY($2::text[]) ORDER BY read_at`,
      [tenant, assetIds],
    );
    const byKey = new Map<string, MeterReading[]>();
    for (const r of rows) {
      const key = `${r.asset_id}/${r.unit}`;
      const list = byKey.get(key) ?? [];
      list.push({ value: r.value, readAt: r.read_at.toISOString() });
      byKey.set(key, list);
    }
    return byKey;
  }
}
