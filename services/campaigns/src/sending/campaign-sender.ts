/**
 * The sender: for each broadcast campaign in `sending`, the audience (segment members minus the
 * excluded segment, not yet in the send ledger) in batches, checked at send time (erasure,
 * consent, suppression, address, quiet hours, frequency cap, offer), written to the ledger in one
 * atomic append BEFORE any provider call (no-stream per message: a second writer, another
 * replica or a restarted one, gets a conflict and drops that person), sent through the channel
 * in parallel, and the outcomes appended in one more write. Then, when nobody is left, the A/B
 * test is concluded or the campaign completed. Pause and cancel take effect between batches.
 *
 * Replica-safe: one replica works on a campaign at a time (a session advisory lock per
 * campaign); the ledger's no-stream append is what makes a second copy impossible anyway.
 * Messages handed to the provider whose outcome was never recorded (a crash mid-send) become
 * `unknown` after the grace period (in-flight-recovery.ts): reported, never resent.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  DomainError,
  aggregateStream,
  comparePositions,
  handleCommand,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type Position,
  type StreamAppend,
} from '@crm/event-sourcing';
import {
  CLOCK,
  EVENT_STORE,
  PeriodicJob,
  ReadModels,
  WORKER_POOL,
  type Clock,
} from '@crm/platform';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { decideAbTest } from '../campaign/ab-test';
import { campaignDecider, type CampaignState } from '../campaign/campaign.decider';
import type { CampaignDefinition, CampaignVariant } from '../campaign/campaign.events';
import type { CampaignCommand } from '../campaign/campaign.commands';
import { NextBestOffers } from '../campaign/next-best-offer';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns.config';
import {
  EMAIL_CHANNEL,
  SMS_CHANNEL,
  type EmailChannel,
  type SendOutcome,
  type SmsChannel,
} from '../channels/message-channel';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { TemplateQueries, type LoadedTemplateVersion } from '../templates/template.queries';
import type { OfferInput } from '../templates/template-variables';
import { inTestShare, variantFor } from './audience-split';
import { InFlightRecovery } from './in-flight-recovery';
import { composeMessage, type ComposedMessage, type ComposerSettings } from './message-composer';
import { outcomeCommands, outcomeEvents } from './send-outcomes';
import { BROADCAST_STEP, ledgerMessageId } from './message-id';
import type { MessageCommand } from './message.commands';
import { messageDecider, MESSAGE_CATEGORY } from './message.decider';
import type { MessageEvent, MessageRef, SkipReason } from './message.events';
import { isQuietTime } from './quiet-hours';
import { RecipientFactsReader, type RecipientFacts } from './recipient-facts';
import { SendWindow } from './send-window';
import type { SendingSettings } from './sending-settings';

const ACTOR = 'system:campaign-sender';
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Batches whose sends may still be in flight while the next one is checked and written to the
 * ledger: enough to keep the send window full, few enough that a crash leaves little `unknown`.
 */
const BATCHES_AHEAD = 2;

/** The `segment-entered` trigger of a triggered campaign (the only trigger sent so far). */
function triggerOf(state: CampaignState): { segmentId: string; delayDays: number } | null {
  const kind = state.definition?.kind;
  return kind?.type === 'triggered' && kind.trigger.event === 'segment-entered'
    ? kind.trigger
    : null;
}

/** What one pass over one campaign did (tests and logs read it). */
export interface CampaignPassResult {
  readonly dispatched: number;
  readonly skipped: number;
  /** Due in their quiet hours: not in the ledger, tried again later. */
  readonly waiting: number;
  /** Someone else (another replica, an earlier run) had the ledger row already. */
  readonly conflicts: number;
  readonly sent: number;
  readonly rejected: number;
  readonly deferred: number;
  readonly unknown: number;
  readonly finished: 'completed' | 'test-concluded' | null;
}

interface Planned {
  readonly ref: MessageRef;
  readonly step: string;
  readonly variant: CampaignVariant;
  readonly productId?: string;
  readonly skip?: SkipReason;
  readonly composed?: ComposedMessage;
}

type Counters = { -readonly [K in keyof CampaignPassResult]: CampaignPassResult[K] };

@Injectable()
export class CampaignSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CampaignSender');
  private readonly job: PeriodicJob;
  private readonly settings: SendingSettings;
  private readonly composer: ComposerSettings;
  /** Where this sender's last outcome write ended (the finish check waits for the read model). */
  private lastWrite: Position | undefined;
  /** Provider calls in flight, across batches (CAMPAIGNS_SEND_CONCURRENCY). */
  private readonly window: SendWindow;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CAMPAIGNS_CONFIG) config: CampaignsConfig,
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
    private readonly templates: TemplateQueries,
    private readonly offers: NextBestOffers,
    private readonly facts: RecipientFactsReader,
    private readonly recovery: InFlightRecovery,
    private readonly readModels: ReadModels,
  ) {
    this.settings = config.sending;
    this.composer = {
      publicUrl: config.sending.publicUrl,
      trackingKeys: config.sending.trackingKeys,
      defaultFrom: config.channels.email.from,
      defaultSmsFrom: config.channels.sms.from,
    };
    this.window = new SendWindow(this.settings.concurrency);
    this.job = new PeriodicJob('CampaignSender', this.settings.pollMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    if (this.settings.developmentTrackingKey)
      this.logger.warn(
        'CAMPAIGNS_TRACKING_KEYS is not set: tracking tokens are signed with the development key (anyone can forge them)',
      );
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One look at everything: stale in-flight messages, then every sending broadcast. */
  async runOnce(): Promise<Map<string, CampaignPassResult>> {
    await this.recovery.recoverStale(this.clock.now());
    const { rows } = await this.pool.query<{ tenant: string; campaign_id: string }>(
      `SELECT tenant, campaign_id FROM ${S}.campaigns
        WHERE status = 'sending' AND kind IN ('broadcast', 'triggered') ORDER BY updated_at`,
    );
    const results = new Map<string, CampaignPassResult>();
    for (const row of rows) {
      const result = await this.withCampaignLock(row.tenant, row.campaign_id, () =>
        this.sendCampaign(row.tenant, row.campaign_id),
      );
      if (result) results.set(`${row.tenant}/${row.campaign_id}`, result);
    }
    return results;
  }

  /** Sends what is due for one campaign now, batch after batch, until nobody is left or it stops. */
  async sendCampaign(tenant: string, campaignId: string): Promise<CampaignPassResult> {
    const counters: Counters = {
      dispatched: 0,
      skipped: 0,
      waiting: 0,
      conflicts: 0,
      sent: 0,
      rejected: 0,
      deferred: 0,
      unknown: 0,
      finished: null,
    };
    const versions = new Map<string, LoadedTemplateVersion>();
    // Pipelined: while a batch's messages are with the provider, the next batch is read, checked
    // and written to the ledger (always before its own provider calls).
    const sending: Promise<void>[] = [];
    const fed = await this.feedBatches(tenant, campaignId, versions, counters, sending).then(
      (stopped) => ({ stopped, error: undefined as unknown }),
      (error: unknown) => ({ stopped: true, error }),
    );
    // Every message written to the ledger gets its outcome recorded before the pass ends.
    const settled = await Promise.allSettled(sending);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (fed.error !== undefined) throw fed.error;
    if (failed) throw failed.reason;
    if (fed.stopped) return counters;
    const state = await this.campaignState(tenant, campaignId);
    // A triggered campaign runs until it is cancelled: there is always a next entry.
    if (state.status === 'sending' && counters.waiting === 0 && !triggerOf(state)) {
      // The finish check reads the ledger's read model: let it show this pass's outcomes first
      // (a deferred message must keep the campaign open).
      if (this.lastWrite) await this.readModels.caughtUp(this.lastWrite, MESSAGE_CATEGORY);
      counters.finished = await this.finishIfDone(tenant, state);
    }
    return counters;
  }

  /**
   * Reads, checks and writes batch after batch, each one's sends and outcomes left running in
   * `sending` (at most BATCHES_AHEAD at once). True when the campaign stopped (paused, cancelled,
   * a trigger not sent yet), false when nobody is left.
   */
  private async feedBatches(
    tenant: string,
    campaignId: string,
    versions: Map<string, LoadedTemplateVersion>,
    counters: Counters,
    sending: Promise<void>[],
  ): Promise<boolean> {
    let after = '';
    for (;;) {
      // Re-read between batches: a pause or a cancel stops the campaign here.
      const state = await this.campaignState(tenant, campaignId);
      if (state.status !== 'sending' || !state.definition) return true;
      // Triggers other than segment entry (an order, a warranty) are not sent yet.
      if (state.definition.kind.type === 'triggered' && !triggerOf(state)) return true;
      await this.retryDeferred(tenant, state, versions, counters);
      const members = await this.nextMembers(tenant, state, after);
      if (members.length === 0) return false;
      after = members[members.length - 1]!.contactId;
      const now = this.clock.now();
      const due = members.filter((m) => this.isForThisPhase(state, m.contactId));
      if (due.length === 0) continue;
      const batch = this.sendBatch(tenant, state, due, now, versions, counters);
      batch.catch(() => undefined); // awaited by the caller; not an unhandled rejection meanwhile
      sending.push(batch);
      if (sending.length >= BATCHES_AHEAD) await sending.shift();
    }
  }

  private async campaignState(tenant: string, campaignId: string): Promise<CampaignState> {
    const { state } = await aggregateStream(this.store, campaignDecider, {
      tenant,
      id: STREAM.campaign(campaignId),
    });
    return state;
  }

  /**
   * Members of the audience not yet in the ledger for their step, by contact id after `after`.
   * A broadcast's step is `broadcast`; a `segment-entered` campaign's is the entry date (UTC) of
   * an entry since the launch, due `delayDays` after it (a person who leaves and enters again on
   * another day is sent again; the same day, not).
   */
  private async nextMembers(
    tenant: string,
    state: CampaignState,
    after: string,
  ): Promise<{ contactId: string; step: string }[]> {
    const { segmentId, excludeSegmentId } = state.definition!.audience;
    const trigger = triggerOf(state);
    const params: unknown[] = [
      tenant,
      segmentId,
      excludeSegmentId ?? null,
      state.campaignId,
      after,
      this.settings.batchSize,
    ];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const step = trigger
      ? `to_char(e.joined_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
      : `${bind(BROADCAST_STEP)}::text`;
    const entered = trigger
      ? `JOIN ${S}.segment_members e ON e.tenant = m.tenant AND e.contact_id = m.contact_id
           AND e.segment_id = ${bind(trigger.segmentId)} AND e.joined_at >= ${bind(state.launchedAt)}
           AND e.joined_at <= ${bind(new Date(this.clock.now().getTime() - trigger.delayDays * DAY_MS))}`
      : '';
    const { rows } = await this.pool.query<{ contact_id: string; step: string }>(
      `SELECT m.contact_id, ${step} AS step FROM ${S}.segment_members m ${entered}
        WHERE m.tenant = $1 AND m.segment_id = $2 AND m.contact_id > $5
          AND NOT EXISTS (SELECT 1 FROM ${S}.segment_members x
                           WHERE x.tenant = $1 AND x.segment_id = $3 AND x.contact_id = m.contact_id)
          AND NOT EXISTS (SELECT 1 FROM ${S}.campaign_messages cm
                           WHERE cm.tenant = $1 AND cm.campaign_id = $4
                             AND cm.contact_id = m.contact_id AND cm.step = ${step})
        ORDER BY m.contact_id LIMIT $6`,
      params,
    );
    return rows.map((r) => ({ contactId: r.contact_id, step: r.step }));
  }

  /** The test phase sends only the test share; after it (or without a test) everyone is due. */
  private isForThisPhase(state: CampaignState, contactId: string): boolean {
    const plan = state.definition!.abTest;
    // A triggered campaign has no end to a test share: its variants split everyone.
    if (state.phase !== 'test' || !plan || triggerOf(state)) return true;
    return inTestShare(state.campaignId, contactId, plan.testSharePercent);
  }

  /** The variant: by share in the test (and without one); the winner (or the control) after it. */
  private variantOf(state: CampaignState, contactId: string): CampaignVariant {
    const variants = state.definition!.variants;
    if (state.phase === 'rest') return variants.find((v) => v.id === state.winner) ?? variants[0]!;
    return variantFor(state.campaignId, contactId, variants);
  }

  private async sendBatch(
    tenant: string,
    state: CampaignState,
    due: readonly { contactId: string; step: string }[],
    now: Date,
    versions: Map<string, LoadedTemplateVersion>,
    counters: Counters,
  ): Promise<void> {
    const definition = state.definition!;
    const contactIds = due.map((m) => m.contactId);
    const steps = new Map(due.map((m) => [m.contactId, m.step]));
    const channel = definition.channel;
    const windowStart = new Date(
      now.getTime() - this.settings.frequencyWindowDays * 24 * 60 * 60 * 1000,
    );
    const [facts, offers] = await Promise.all([
      this.facts.forBatch(tenant, channel, contactIds, windowStart),
      definition.nextBestOffer
        ? this.offers.forContacts(tenant, definition.nextBestOffer, contactIds)
        : Promise.resolve(new Map<string, string | null>()),
    ]);
    const products = await this.productsOf(tenant, [...offers.values()]);
    const planned: Planned[] = [];
    for (const contactId of contactIds) {
      const fact = facts.get(contactId)!;
      const variant = this.variantOf(state, contactId);
      const ref: MessageRef = {
        messageId: ledgerMessageId(tenant, state.campaignId, contactId, steps.get(contactId)!),
        campaignId: state.campaignId,
        contactId,
        channel,
      };
      const skip = this.skipReason(fact, definition, offers.get(contactId));
      const step = steps.get(contactId)!;
      if (skip === 'wait') {
        counters.waiting++;
        continue;
      }
      if (skip) {
        planned.push({ ref, step, variant, skip });
        continue;
      }
      const productId = definition.nextBestOffer ? (offers.get(contactId) ?? undefined) : undefined;
      const version = await this.versionOf(tenant, variant, versions);
      const composed = version
        ? this.compose(
            tenant,
            state,
            ref,
            fact,
            version,
            productId ? products.get(productId) : undefined,
          )
        : null;
      if (!composed) {
        planned.push({ ref, step, variant, skip: 'render-failed' });
        continue;
      }
      planned.push({ ref, step, variant, composed, ...(productId ? { productId } : {}) });
    }
    const written = await this.writeLedger(tenant, planned, now, counters);
    const toSend = written.filter((p) => p.composed);
    const outcomes = await this.sendAll(toSend.map((p) => p.composed!));
    await this.recordOutcomes(
      tenant,
      toSend.map((p, i) => ({ ref: p.ref, outcome: outcomes[i]!, attempt: 1, expected: 1 })),
      counters,
    );
  }

  /** Why a person is not sent this step; `wait` for quiet hours (tried again later). */
  private skipReason(
    fact: RecipientFacts,
    definition: CampaignDefinition,
    offer: string | null | undefined,
  ): SkipReason | 'wait' | null {
    if (fact.erased || !fact.contact) return 'erased';
    if (fact.consent !== 'granted') return 'no-consent';
    if (fact.suppressed) return 'suppressed';
    const address = definition.channel === 'email' ? fact.contact.email : fact.contact.phone;
    if (!address) return 'no-address';
    const now = this.clock.now();
    const { quietHours, defaultTimeZone, frequencyCap } = this.settings;
    if (isQuietTime(now, quietHours, fact.contact.timeZone, defaultTimeZone)) return 'wait';
    if (frequencyCap > 0 && fact.recentMessages >= frequencyCap) return 'frequency-cap';
    if (definition.nextBestOffer && !offer) return 'no-offer';
    return null;
  }

  private compose(
    tenant: string,
    state: CampaignState,
    ref: MessageRef,
    fact: RecipientFacts,
    version: LoadedTemplateVersion,
    offer: OfferInput | undefined,
  ): ComposedMessage | null {
    try {
      return composeMessage(
        {
          tenant,
          campaignId: state.campaignId,
          campaignName: state.definition!.name,
          definition: state.definition!,
          messageId: ref.messageId,
          contact: fact.contact!,
          ...(offer ? { offer } : {}),
          version,
        },
        this.composer,
      );
    } catch (error) {
      // One person's data a template cannot render: skip them, not the batch.
      this.logger.warn(`campaign ${state.campaignId}: render failed: ${(error as Error).message}`);
      return null;
    }
  }

  private async versionOf(
    tenant: string,
    variant: CampaignVariant,
    cache: Map<string, LoadedTemplateVersion>,
  ): Promise<LoadedTemplateVersion | undefined> {
    const key = `${variant.templateId}@${variant.templateVersion}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const loaded = await this.templates.loadVersion(
      tenant,
      variant.templateId,
      variant.templateVersion,
    );
    if (loaded) cache.set(key, loaded);
    return loaded;
  }

  private async productsOf(
    tenant: string,
    productIds: readonly (string | null)[],
  ): Promise<Map<string, OfferInput>> {
    const ids = [...new Set(productIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{
      product_id: string;
      name: string | null;
      sku: string | null;
      family: string | null;
    }>(
      `SELECT product_id, name, sku, family FROM ${S}.audience_products
        WHERE tenant = $1 AND product_id = ANY($2)`,
      [tenant, ids],
    );
    const known = new Map(rows.map((r) => [r.product_id, r]));
    return new Map(
      ids.map((id) => {
        const r = known.get(id);
        return [
          id,
          {
            productId: id,
            ...(r?.name ? { name: r.name } : {}),
            ...(r?.sku ? { sku: r.sku } : {}),
            ...(r?.family ? { family: r.family } : {}),
          },
        ];
      }),
    );
  }

  /**
   * The ledger write: every planned message's first event in ONE atomic append, each on a stream
   * that must not exist. A conflict names the first stream someone else wrote: that person is
   * dropped (they have their message) and the rest written again.
   */
  private async writeLedger(
    tenant: string,
    planned: readonly Planned[],
    now: Date,
    counters: Counters,
  ): Promise<Planned[]> {
    let pending = [...planned];
    const at = now.toISOString();
    const correlationId = randomUUID();
    while (pending.length > 0) {
      const appends: StreamAppend[] = pending.map((p) => ({
        stream: { tenant, id: STREAM.message(p.ref.messageId) },
        expected: 'no-stream',
        events: [
          this.newEvent(
            tenant,
            p.skip
              ? {
                  type: 'MessageSkipped',
                  data: {
                    ...p.ref,
                    step: p.step,
                    variantId: p.variant.id,
                    reason: p.skip,
                    at,
                  },
                }
              : {
                  type: 'MessageDispatched',
                  data: {
                    ...p.ref,
                    step: p.step,
                    variantId: p.variant.id,
                    ...(p.productId ? { productId: p.productId } : {}),
                    at,
                  },
                },
            now,
            correlationId,
          ),
        ],
      }));
      try {
        await this.store.appendToStreams(appends);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const taken = error.stream.id;
        pending = pending.filter((p) => STREAM.message(p.ref.messageId) !== taken);
        counters.conflicts++;
      }
    }
    for (const p of pending) {
      if (p.skip) counters.skipped++;
      else counters.dispatched++;
    }
    return pending;
  }

  /** Provider calls through the window (at most `concurrency` at once), outcomes in the order given. */
  private sendAll(messages: readonly ComposedMessage[]): Promise<SendOutcome[]> {
    return Promise.all(messages.map((m) => this.window.run(() => this.sendOne(m))));
  }

  private async sendOne(m: ComposedMessage): Promise<SendOutcome> {
    try {
      return m.channel === 'email'
        ? await this.email.send(m.message)
        : await this.sms.send(m.message);
    } catch (error) {
      // A channel answers outcomes, it should not throw: if it does, it may have sent.
      return { kind: 'unknown', reason: `channel error: ${(error as Error).message}` };
    }
  }

  /**
   * The outcomes in one atomic append (each message at the version the sender wrote). If a
   * response got there first (an open before the 250 was recorded), each is decided on its own.
   */
  private async recordOutcomes(
    tenant: string,
    results: readonly {
      ref: MessageRef;
      outcome: SendOutcome;
      attempt: number;
      expected: number;
    }[],
    counters: Counters,
  ): Promise<void> {
    if (results.length === 0) return;
    const now = this.clock.now();
    const at = now.toISOString();
    const correlationId = randomUUID();
    const decided = results.map((r) => {
      const commands = outcomeCommands(r.outcome, r.attempt, at, this.settings);
      return { ...r, commands, events: outcomeEvents(r.ref, commands, r.attempt) };
    });
    for (const d of decided) {
      const type = d.events[0]!.type;
      if (type === 'MessageSent') counters.sent++;
      else if (type === 'MessageRejected') counters.rejected++;
      else if (type === 'MessageDeferred') counters.deferred++;
      else counters.unknown++;
    }
    try {
      const appended = await this.store.appendToStreams(
        decided.map((d) => ({
          stream: { tenant, id: STREAM.message(d.ref.messageId) },
          expected: d.expected,
          events: d.events.map((e) => this.newEvent(tenant, e, now, correlationId)),
        })),
      );
      // Batches finish out of order: keep the furthest write for the finish check.
      const last = appended[appended.length - 1]!.lastPosition;
      if (!this.lastWrite || comparePositions(last, this.lastWrite) > 0) this.lastWrite = last;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      for (const d of decided)
        for (const command of d.commands) await this.onMessage(tenant, d.ref.messageId, command);
    }
  }

  /** Temporarily refused messages whose retry time has come: in flight again, sent, recorded. */
  private async retryDeferred(
    tenant: string,
    state: CampaignState,
    versions: Map<string, LoadedTemplateVersion>,
    counters: Counters,
  ): Promise<void> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<{
      message_id: string;
      contact_id: string;
      variant_id: string;
      product_id: string | null;
    }>(
      `SELECT message_id, contact_id, variant_id, product_id FROM ${S}.campaign_messages
        WHERE tenant = $1 AND campaign_id = $2 AND status = 'deferred' AND retry_at <= $3
        ORDER BY retry_at LIMIT $4`,
      [tenant, state.campaignId, now, this.settings.batchSize],
    );
    if (rows.length === 0) return;
    const definition = state.definition!;
    const windowStart = new Date(0); // a retry is the same message: the cap counted it already
    const facts = await this.facts.forBatch(
      tenant,
      definition.channel,
      rows.map((r) => r.contact_id),
      windowStart,
    );
    const products = await this.productsOf(
      tenant,
      rows.map((r) => r.product_id),
    );
    const toSend: {
      ref: MessageRef;
      composed: ComposedMessage;
      attempt: number;
      expected: number;
    }[] = [];
    for (const row of rows) {
      const ref: MessageRef = {
        messageId: row.message_id,
        campaignId: state.campaignId,
        contactId: row.contact_id,
        channel: definition.channel,
      };
      const fact = facts.get(row.contact_id)!;
      const variant =
        definition.variants.find((v) => v.id === row.variant_id) ?? definition.variants[0]!;
      const version = await this.versionOf(tenant, variant, versions);
      const stillAllowed =
        fact.contact && !fact.erased && fact.consent === 'granted' && !fact.suppressed;
      const composed =
        stillAllowed && version
          ? this.compose(
              tenant,
              state,
              ref,
              fact,
              version,
              row.product_id ? products.get(row.product_id) : undefined,
            )
          : null;
      const result = await this.onMessage(
        tenant,
        row.message_id,
        composed
          ? { type: 'RedispatchMessage', data: { at: now.toISOString() } }
          : {
              type: 'RecordRejected',
              data: {
                permanent: false,
                code: 'not-retried',
                text: 'no longer allowed or not renderable',
                attempts: 0,
                at: now.toISOString(),
              },
            },
      );
      if (composed && result && result.events.length > 0)
        toSend.push({
          ref,
          composed,
          attempt: result.state.attempts,
          expected: result.nextExpectedVersion,
        });
    }
    const outcomes = await this.sendAll(toSend.map((t) => t.composed));
    await this.recordOutcomes(
      tenant,
      toSend.map((t, i) => ({
        ref: t.ref,
        outcome: outcomes[i]!,
        attempt: t.attempt,
        expected: t.expected,
      })),
      counters,
    );
  }

  /** Nobody left: conclude the A/B test (after its wait) or complete the broadcast. */
  private async finishIfDone(
    tenant: string,
    state: CampaignState,
  ): Promise<CampaignPassResult['finished']> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${S}.campaign_messages
        WHERE tenant = $1 AND campaign_id = $2 AND status IN ('dispatched', 'deferred')`,
      [tenant, state.campaignId],
    );
    if (rows[0]!.n > 0) return null;
    const now = this.clock.now();
    const at = now.toISOString();
    const plan = state.definition!.abTest;
    if (state.phase === 'test' && plan) {
      const waitedEnough =
        now.getTime() >= Date.parse(state.launchedAt ?? at) + this.settings.abTestMaxWaitMs;
      if (!waitedEnough) return null;
      const counts = await this.pool.query<{
        variant_id: string;
        sent: string;
        opened: string;
        clicked: string;
        converted: string;
      }>(
        `SELECT variant_id, sent, opened, clicked, converted FROM ${S}.campaign_variant_counts
          WHERE tenant = $1 AND campaign_id = $2 ORDER BY position`,
        [tenant, state.campaignId],
      );
      const byVariant = new Map(counts.rows.map((r) => [r.variant_id, r]));
      const decision = decideAbTest(
        state.definition!.variants.map((v) => {
          const r = byVariant.get(v.id);
          return {
            variant: v.id,
            trials: Number(r?.sent ?? 0),
            successes: Number(r?.[plan.metric] ?? 0),
          };
        }),
        plan,
      );
      const winner = decision.outcome === 'winner' ? decision.best : null;
      const pValue =
        decision.outcome === 'not-enough-data'
          ? null
          : Math.max(...decision.comparisons.map((c) => c.adjustedPValue));
      await this.onCampaign(tenant, state.campaignId, {
        type: 'ConcludeAbTest',
        data: { winner, pValue, at },
      });
      return 'test-concluded';
    }
    await this.onCampaign(tenant, state.campaignId, { type: 'CompleteCampaign', data: { at } });
    return 'completed';
  }

  private async onCampaign(
    tenant: string,
    campaignId: string,
    command: CampaignCommand,
  ): Promise<void> {
    try {
      const result = await handleCommand(
        this.store,
        campaignDecider,
        { tenant, id: STREAM.campaign(campaignId) },
        command,
        {
          tenant,
          actor: ACTOR,
          now: () => this.clock.now(),
        },
      );
      // The next pass reads the campaign's status and phase from the read model.
      if (result.lastPosition) await this.readModels.caughtUp(result.lastPosition, 'campaign');
    } catch (error) {
      // Paused, cancelled or finished meanwhile: nothing to do.
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }

  private async onMessage(tenant: string, messageId: string, command: MessageCommand) {
    try {
      return await handleCommand(
        this.store,
        messageDecider,
        { tenant, id: STREAM.message(messageId) },
        command,
        {
          tenant,
          actor: ACTOR,
          now: () => this.clock.now(),
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`message ${messageId}: ${error.message}`);
      return undefined;
    }
  }

  private newEvent(
    tenant: string,
    event: MessageEvent,
    now: Date,
    correlationId: string,
  ): NewEvent {
    return {
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: { tenant, actor: ACTOR, correlationId, occurredAt: now.toISOString() },
    };
  }

  /** One replica per campaign at a time: a session advisory lock, released after the pass. */
  private async withCampaignLock<T>(
    tenant: string,
    campaignId: string,
    work: () => Promise<T>,
  ): Promise<T | undefined> {
    const client = await this.pool.connect();
    const key = `crm.campaigns.sender/${tenant}/${campaignId}`;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
        [key],
      );
      if (!rows[0]!.locked) return undefined;
      try {
        return await work();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]);
      }
    } finally {
      client.release();
    }
  }
}
