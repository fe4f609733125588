/**
 * The write path every controller uses: handleCommand from @crm/event-sourcing (tenant, actor,
 * If-Match, correlation id, retries on concurrent writes), then read-your-writes on the read
 * models that read the stream's category. A write they do not show (the wait ran out, or an event
 * of the stream was parked) still succeeded: it is logged and reported to the HTTP answer as the
 * `Read-Your-Writes` header (read-your-writes.ts), never a silent wait.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  aggregateStream,
  handleCommand,
  type AggregateState,
  type CommandResult,
  type Decider,
  type DomainEvent,
  type EventStore,
  type ToDomainEvent,
} from '@crm/event-sourcing';
import type { AuthenticatedUser } from '../auth/user';
import { CLOCK, type Clock } from '../clock/clock';
import { expectedVersionFor, type EntityTagCondition } from '../http/etag';
import { currentCorrelationId } from '../logging/request-context';
import type { EventSourcingModuleOptions } from './event-sourcing-options';
import { ReadModels } from './read-models';
import {
  currentReadYourWrites,
  reportReadYourWrites,
  type ReadYourWrites,
} from './read-your-writes';
import { EVENT_SOURCING_OPTIONS, EVENT_STORE } from './tokens';

export interface CommandCaller {
  readonly tenant: string;
  /** User id (JWT sub) or `system:<component>`. */
  readonly actor: string;
  /** If-Match: the version the client saw. */
  readonly expectedVersion?: number;
  /** If-Match of `*`, several versions or weak tags only: `expectedVersionFor` checks it. */
  readonly ifMatch?: EntityTagCondition;
  /** The verified token behind an HTTP command, for record-level access; absent for system actors. */
  readonly user?: AuthenticatedUser;
}

/**
 * The command's result, and whether the read models show it yet (for the answer's body). Only
 * commands of an HTTP request wait for the read models; any other caller gets 'visible' unchecked.
 */
export type ExecutedCommand<S> = CommandResult<S> & { readonly readYourWrites: ReadYourWrites };

@Injectable()
export class AggregateCommands {
  private readonly upcast: ToDomainEvent<DomainEvent> | undefined;
  private readonly logger = new Logger('AggregateCommands');

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    private readonly readModels: ReadModels,
    @Inject(EVENT_SOURCING_OPTIONS) options: EventSourcingModuleOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.upcast = options.upcast;
  }

  async execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    caller: CommandCaller,
  ): Promise<ExecutedCommand<S>> {
    // A condition on the current version (`*`, a list) is read first; the append still checks it.
    const expectedVersion = caller.ifMatch
      ? expectedVersionFor(caller, (await this.load(decider, caller.tenant, streamId)).version)
      : caller.expectedVersion;
    const result = await handleCommand<C, E, S>(
      this.store,
      decider,
      { tenant: caller.tenant, id: streamId },
      command,
      {
        tenant: caller.tenant,
        actor: caller.actor,
        expectedVersion,
        correlationId: currentCorrelationId(),
        now: () => this.clock.now(),
        upcast: this.upcast as ToDomainEvent<E> | undefined,
      },
    );
    let outcome: ReadYourWrites = 'visible';
    // Only an HTTP request has a client about to read its write back. A consumer appending inside
    // its inbox transaction could never see the write projected before it commits (readers only
    // see events older than every open transaction), so waiting would stall its partition 5 s.
    if (result.lastPosition && currentReadYourWrites() !== undefined) {
      const stream = { tenant: caller.tenant, id: streamId };
      outcome = await this.readModels.readYourWrites(result.lastPosition, stream);
      if (outcome !== 'visible') {
        reportReadYourWrites(outcome);
        this.logger.warn({
          msg: 'read models do not show the write; answering anyway',
          readYourWrites: outcome,
          tenant: caller.tenant,
          streamId,
          version: result.nextExpectedVersion,
        });
      }
    }
    return { ...result, readYourWrites: outcome };
  }

  load<E extends DomainEvent, S>(
    decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
    tenant: string,
    streamId: string,
  ): Promise<AggregateState<S>> {
    return aggregateStream<E, S>(
      this.store,
      decider,
      { tenant, id: streamId },
      { upcast: this.upcast as ToDomainEvent<E> | undefined },
    );
  }
}
