/**
 * RFM per customer at a date (models/rfm over the tenant's standing orders up to that date) and
 * the movement between two dates. RFM needs no fit: quintiles over one tenant's customers are
 * cheap (O(n log n)), so they are computed on the read.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import {
  RFM_PACKAGE,
  scoreRfm,
  segmentCustomers,
  segmentTransitions,
  summariseOrders,
  summariseSegments,
  type CustomerSegment,
  type Order,
  type RfmResult,
  type SegmentSummary,
  type SegmentTransitions,
} from '../models/rfm';

/** The segment map every tenant gets for now (rfm 0.3.0's example map). */
export const SEGMENT_MAP = RFM_PACKAGE;
export const SEGMENT_ORDER = [
  ...new Set([...SEGMENT_MAP.boxes.map((b) => b.name), SEGMENT_MAP.fallback]),
];

export type RfmAtDate =
  | {
      readonly status: 'scored';
      readonly asOf: string;
      readonly scoring: Extract<RfmResult, { kind: 'scored' }>;
      readonly customers: CustomerSegment[];
      readonly segments: SegmentSummary[];
    }
  | {
      readonly status: 'insufficient-data';
      readonly asOf: string;
      readonly reason: string;
      readonly customers: number;
    };

/** Pure: scores and segments the orders as of `asOf`. */
export function rfmAt(orders: readonly Order[], asOf: string): RfmAtDate {
  const scoring = scoreRfm(summariseOrders(orders, asOf).summaries, asOf);
  if (scoring.kind !== 'scored') {
    return {
      status: 'insufficient-data',
      asOf,
      reason: `${scoring.reason}: ${scoring.detail}`,
      customers: scoring.customers,
    };
  }
  const customers = segmentCustomers(scoring, SEGMENT_MAP);
  return {
    status: 'scored',
    asOf,
    scoring,
    customers,
    segments: summariseSegments(customers, SEGMENT_MAP),
  };
}

/** Pure: counts of customers by (segment on `from`, segment on `to`). */
export function rfmMovement(
  orders: readonly Order[],
  from: string,
  to: string,
): SegmentTransitions {
  const members = (asOf: string) => {
    const at = rfmAt(orders, asOf);
    return at.status === 'scored'
      ? at.customers.map((c) => ({ customerId: c.customerId, segment: c.segment }))
      : [];
  };
  return segmentTransitions(members(from), members(to), SEGMENT_ORDER);
}

@Injectable()
export class RfmReport {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The tenant's standing orders of known buyers, up to `until` (UTC days). */
  async orders(tenant: string, until: string): Promise<Order[]> {
    const { rows } = await this.pool.query(
      `SELECT contact_id, to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, total_minor
         FROM ${S}.orders
        WHERE tenant = $1 AND status = 'placed' AND contact_id IS NOT NULL
          AND placed_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`,
      [tenant, until],
    );
    return rows.map((r) => ({
      customerId: r.contact_id,
      orderedOn: r.day,
      amount: Number(r.total_minor),
    }));
  }

  async at(tenant: string, asOf: string): Promise<RfmAtDate> {
    return rfmAt(await this.orders(tenant, asOf), asOf);
  }

  async movement(tenant: string, from: string, to: string): Promise<SegmentTransitions> {
    return rfmMovement(await this.orders(tenant, from > to ? from : to), from, to);
  }
}
