/**
 * Publishes what the models tell about contacts as crm.analytics.v1: appends domain events to
 * analytics' own log (one stream per contact and model name, analytics-streams.ts), which the
 * platform relay maps (analytics-integration-events.ts) onto the topic, as every service does.
 *
 * Only changes are appended: an item equal to the value last published for its contact and model
 * name appends nothing, so a fit that finds the same recommendations publishes nothing. Contacts
 * that are gone (erased, merged away: ingest's record_marks) get nothing, and their rows here are
 * deleted. Appends are batched (appendToStreams, all or nothing per batch) with each stream's
 * expected version; if another writer moved a stream, the batch's streams are re-read from the log
 * and the batch retried once, so a concurrent publisher never appends a duplicate of its value.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  inTransaction,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type StreamAppend,
} from '@crm/event-sourcing';
import { CLOCK, EVENT_STORE, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import type { AnalyticsEvent } from './analytics-events';
import { modelNameOf, PUBLISHED_STREAM, type PublishedKind } from './analytics-streams';

export interface RecommendationItem {
  readonly contactId: string;
  /** Name and version, e.g. `basket@1`; the name keys the stream and campaigns' field. */
  readonly model: string;
  /** Best first, at most 50 (the contract's bound). */
  readonly productIds: readonly string[];
}

export interface ScoreItem {
  readonly contactId: string;
  readonly model: string;
  /** 0..1 */
  readonly score: number;
}

export interface PublishResult {
  /** Events appended (changed values). */
  readonly published: number;
  /** Equal to the value last published: nothing appended. */
  readonly unchanged: number;
  /** Contacts that are gone: nothing appended. */
  readonly skippedGone: number;
}

const BATCH = 500;
const ACTOR = 'system:analytics-publisher';

interface Pending {
  readonly contactId: string;
  readonly model: string;
  readonly modelName: string;
  readonly value: unknown;
  readonly stream: string;
}

interface Last {
  readonly value: unknown;
  readonly version: number;
}

@Injectable()
export class AnalyticsPublisher {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  publishRecommendations(
    tenant: string,
    items: readonly RecommendationItem[],
  ): Promise<PublishResult> {
    return this.publish(
      tenant,
      'recommendations',
      items.map((i) => ({
        contactId: i.contactId,
        model: i.model,
        value: i.productIds.slice(0, 50),
      })),
    );
  }

  publishScores(tenant: string, items: readonly ScoreItem[]): Promise<PublishResult> {
    for (const i of items) {
      if (!Number.isFinite(i.score) || i.score < 0 || i.score > 1) {
        throw new RangeError(`score of ${i.contactId} (${i.model}) must be in [0, 1]: ${i.score}`);
      }
    }
    return this.publish(
      tenant,
      'scores',
      items.map((i) => ({ contactId: i.contactId, model: i.model, value: i.score })),
    );
  }

  private async publish(
    tenant: string,
    kind: PublishedKind,
    items: readonly { contactId: string; model: string; value: unknown }[],
  ): Promise<PublishResult> {
    const gone = await this.forgetGone(tenant);
    // The last item wins for a (contact, model name) named twice.
    const byKey = new Map<string, Pending>();
    let skippedGone = 0;
    for (const item of items) {
      if (gone.has(item.contactId)) {
        skippedGone += 1;
        continue;
      }
      const modelName = modelNameOf(item.model);
      byKey.set(`${modelName}\u0000${item.contactId}`, {
        ...item,
        modelName,
        stream: PUBLISHED_STREAM[kind](item.contactId, item.model),
      });
    }
    const pending = [...byKey.values()];
    let published = 0;
    for (let from = 0; from < pending.length; from += BATCH) {
      published += await this.publishBatch(tenant, kind, pending.slice(from, from + BATCH));
    }
    return { published, unchanged: pending.length - published, skippedGone };
  }

  /** Appends the batch's changed values; returns how many. */
  private async publishBatch(
    tenant: string,
    kind: PublishedKind,
    batch: readonly Pending[],
  ): Promise<number> {
    let last = await this.lastPublished(tenant, kind, batch);
    for (let attempt = 0; ; attempt += 1) {
      const changed = batch.filter((p) => !sameValue(last.get(p.stream)?.value, p.value));
      if (changed.length === 0) return 0;
      const at = this.clock.now().toISOString();
      const appends: StreamAppend[] = changed.map((p) => ({
        stream: { tenant, id: p.stream },
        expected: last.get(p.stream)?.version ?? 'no-stream',
        events: [domainEvent(kind, p, tenant, at)],
      }));
      try {
        const results = await this.appendAll(appends);
        await this.remember(tenant, kind, changed, results, at);
        return changed.length;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt > 0) throw error;
        last = await this.readFromLog(tenant, batch); // the table was behind the log
      }
    }
  }

  private async appendAll(appends: StreamAppend[]): Promise<number[]> {
    if (this.store.atomicMultiStreamAppend) {
      return (await this.store.appendToStreams(appends)).map((r) => r.nextExpectedVersion);
    }
    const versions: number[] = [];
    for (const a of appends) {
      versions.push((await this.store.append(a.stream, a.events, a.expected)).nextExpectedVersion);
    }
    return versions;
  }

  private async lastPublished(
    tenant: string,
    kind: PublishedKind,
    batch: readonly Pending[],
  ): Promise<Map<string, Last>> {
    const { rows } = await this.pool.query<{
      model_name: string;
      contact_id: string;
      value: unknown;
      stream_version: number;
    }>(
      `SELECT o.model_name, o.contact_id, o.value, o.stream_version
         FROM ${S}.published_outputs o
         JOIN unnest($3::text[], $4::text[]) AS k(model_name, contact_id)
           ON k.model_name = o.model_name AND k.contact_id = o.contact_id
        WHERE o.tenant = $1 AND o.kind = $2`,
      [tenant, kind, batch.map((p) => p.modelName), batch.map((p) => p.contactId)],
    );
    const last = new Map<string, Last>();
    for (const r of rows) {
      last.set(PUBLISHED_STREAM[kind](r.contact_id, r.model_name), {
        value: r.value,
        version: r.stream_version,
      });
    }
    return last;
  }

  /** The last event of each stream, from the log itself. */
  private async readFromLog(tenant: string, batch: readonly Pending[]): Promise<Map<string, Last>> {
    const last = new Map<string, Last>();
    for (const p of batch) {
      const head = await this.store.readStream({ tenant, id: p.stream }, { fromVersion: 1 });
      const event = head.events.at(-1);
      if (!event) continue;
      const data = (event as { data: AnalyticsEvent['data'] }).data;
      last.set(p.stream, {
        value: 'productIds' in data ? data.productIds : data.score,
        version: head.version,
      });
    }
    return last;
  }

  private async remember(
    tenant: string,
    kind: PublishedKind,
    changed: readonly Pending[],
    versions: readonly number[],
    at: string,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${S}.published_outputs AS o
              (tenant, kind, model_name, contact_id, model, value, stream_version, published_at)
       SELECT $1, $2, k.model_name, k.contact_id, k.model, k.value, k.version, $8
         FROM unnest($3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[])
              AS k(model_name, contact_id, model, value, version)
       ON CONFLICT (tenant, kind, model_name, contact_id) DO UPDATE
          SET model = EXCLUDED.model, value = EXCLUDED.value,
              stream_version = EXCLUDED.stream_version, published_at = EXCLUDED.published_at
        WHERE o.stream_version < EXCLUDED.stream_version`,
      [
        tenant,
        kind,
        changed.map((p) => p.modelName),
        changed.map((p) => p.contactId),
        changed.map((p) => p.model),
        changed.map((p) => JSON.stringify(p.value)),
        versions,
        at,
      ],
    );
  }

  /** The tenant's gone contacts; their rows here are deleted (nothing kept about them). */
  private async forgetGone(tenant: string): Promise<Set<string>> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ record_id: string }>(
        `SELECT record_id FROM ${S}.record_marks WHERE tenant = $1 AND kind = 'contact' AND gone`,
        [tenant],
      );
      const gone = rows.map((r) => r.record_id);
      if (gone.length > 0) {
        await tx.query(
          `DELETE FROM ${S}.published_outputs WHERE tenant = $1 AND contact_id = ANY($2::text[])`,
          [tenant, gone],
        );
      }
      return new Set(gone);
    });
  }
}

function domainEvent(kind: PublishedKind, p: Pending, tenant: string, at: string): NewEvent {
  const event: AnalyticsEvent =
    kind === 'recommendations'
      ? {
          type: 'ContactRecommendationsProduced',
          data: {
            contactId: p.contactId,
            model: p.model,
            productIds: p.value as string[],
            producedAt: at,
          },
        }
      : {
          type: 'ContactScored',
          data: { contactId: p.contactId, model: p.model, score: p.value as number, scoredAt: at },
        };
  return { ...event, metadata: { tenant, occurredAt: at, actor: ACTOR } };
}

/** Values are JSON (a number, or an array of ids): equal when their JSON is. */
function sameValue(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
