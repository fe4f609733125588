/**
 * Records a recipient's (or a machine's) response on the message's own stream through the
 * message aggregate (sending/message.decider.ts). Every answer is "recorded" or "unknown": a
 * message whose stream does not exist (a valid token for a message we never wrote), one of
 * another contact or campaign than the token says, or one that was skipped, is unknown and the
 * endpoint answers as for a forged token. Time from CLOCK only.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, handleCommand, type EventStore, type StreamRef } from '@crm/event-sourcing';
import { CLOCK, EVENT_STORE, type Clock } from '@crm/platform';
import type { TrackingClaims } from '../campaign/tracking-token';
import { STREAM } from '../infrastructure/streams';
import type { MessageCommand } from '../sending/message.commands';
import { messageDecider } from '../sending/message.decider';
import type { BounceReport } from './bounce-webhook-body';
import { classifyClick, classifyOpen, type HitClass, type TrackingHit } from './hit-classifier';
import { RESPONSES_CONFIG, type ResponsesConfig } from './responses.config';

export type RecordOutcome = 'recorded' | 'unknown-message';

/** What the endpoints know of a message before recording on it. */
interface MessageFacts {
  readonly campaignId: string;
  readonly contactId: string;
  /** When it was handed to the channel (MessageSent), else when it was dispatched. */
  readonly sentAt: Date | undefined;
}

@Injectable()
export class ResponseRecorder {
  private readonly logger = new Logger('ResponseRecorder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RESPONSES_CONFIG) private readonly config: ResponsesConfig,
  ) {}

  async open(claims: TrackingClaims, hit: Omit<TrackingHit, 'at'>): Promise<RecordOutcome> {
    const at = this.clock.now();
    const facts = await this.factsFor(claims);
    if (!facts) return 'unknown-message';
    const c: HitClass = classifyOpen({ ...hit, at });
    return this.record(claims.tenant, claims.messageId, {
      type: 'RecordOpen',
      data: {
        at: at.toISOString(),
        userAgentClass: c.userAgentClass,
        countsInRates: c.countsInRates,
      },
    });
  }

  async click(
    claims: TrackingClaims & { purpose: 'click' },
    hit: Omit<TrackingHit, 'at'>,
  ): Promise<RecordOutcome> {
    const at = this.clock.now();
    const facts = await this.factsFor(claims);
    if (!facts) return 'unknown-message';
    const c = classifyClick({ ...hit, at }, facts.sentAt, this.config.minHumanClickDelayMs);
    return this.record(claims.tenant, claims.messageId, {
      type: 'RecordClick',
      data: {
        linkIndex: claims.linkIndex,
        url: claims.url,
        at: at.toISOString(),
        userAgentClass: c.userAgentClass,
        countsInRates: c.countsInRates,
      },
    });
  }

  async unsubscribe(claims: TrackingClaims): Promise<RecordOutcome> {
    if (!(await this.factsFor(claims))) return 'unknown-message';
    return this.record(claims.tenant, claims.messageId, {
      type: 'RecordUnsubscribe',
      data: { at: this.clock.now().toISOString() },
    });
  }

  /** Whether the token's message exists and is the one it names (the GET page only asks). */
  async knows(claims: TrackingClaims): Promise<boolean> {
    return (await this.factsFor(claims)) !== undefined;
  }

  /** A provider's bounce or complaint; the tenant was found from the message id. */
  async bounce(tenant: string, report: BounceReport): Promise<RecordOutcome> {
    const command: MessageCommand =
      report.type === 'complaint'
        ? { type: 'RecordComplaint', data: { at: report.at } }
        : {
            type: 'RecordBounce',
            data: {
              kind: report.kind,
              ...(report.code !== undefined ? { code: report.code } : {}),
              ...(report.text !== undefined ? { text: report.text } : {}),
              at: report.at,
            },
          };
    return this.record(tenant, report.messageId, command);
  }

  private async factsFor(claims: TrackingClaims): Promise<MessageFacts | undefined> {
    const { events, version } = await this.store.readStream(
      this.streamOf(claims.tenant, claims.messageId),
    );
    if (version === 0) return this.unknown(claims, 'no such message');
    let facts: { campaignId?: string; contactId?: string; sentAt?: Date } = {};
    for (const e of events) {
      const d = e.data as { campaignId?: string; contactId?: string; at?: string };
      if (e.type === 'MessageDispatched' || e.type === 'MessageSkipped')
        facts = {
          campaignId: d.campaignId,
          contactId: d.contactId,
          sentAt: d.at ? new Date(d.at) : undefined,
        };
      if (e.type === 'MessageSent' && d.at) facts = { ...facts, sentAt: new Date(d.at) };
    }
    if (facts.campaignId !== claims.campaignId || facts.contactId !== claims.contactId)
      return this.unknown(claims, 'the message is not the one the token names');
    return { campaignId: facts.campaignId, contactId: facts.contactId, sentAt: facts.sentAt };
  }

  private async record(
    tenant: string,
    messageId: string,
    command: MessageCommand,
  ): Promise<RecordOutcome> {
    try {
      await handleCommand(this.store, messageDecider, this.streamOf(tenant, messageId), command, {
        tenant,
        actor: 'system:campaign-responses',
        now: () => this.clock.now(),
      });
      return 'recorded';
    } catch (error) {
      // Unknown, or skipped (never sent): nothing to respond to. Anything else is ours to see.
      if (
        error instanceof DomainError &&
        (error.kind === 'not-found' || error.kind === 'conflict')
      ) {
        this.logger.warn(`${command.type} on message ${messageId} of ${tenant}: ${error.code}`);
        return 'unknown-message';
      }
      throw error;
    }
  }

  private streamOf(tenant: string, messageId: string): StreamRef {
    return { tenant, id: STREAM.message(messageId) };
  }

  private unknown(claims: TrackingClaims, why: string): undefined {
    // A valid signature on an unknown message: our key signed it, so worth a look in the logs.
    this.logger.warn(
      `${claims.purpose} token for message ${claims.messageId} of ${claims.tenant}: ${why}`,
    );
    return undefined;
  }
}
