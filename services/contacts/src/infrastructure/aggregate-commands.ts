/**
 * The write path every controller uses: handleCommand from @crm/event-sourcing (If-Match,
 * retries, metadata) with erased-field tolerance, then read-your-writes on the read models.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  aggregateStream,
  categoryOf,
  handleCommand,
  type AggregateState,
  type CommandResult,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@crm/event-sourcing';
import { currentCorrelationId } from '@crm/platform';
import { toDomainEvent } from './erased-fields';
import { ReadModels } from './read-models';
import { EVENT_STORE } from './tokens';

export interface CommandCaller {
  readonly tenant: string;
  readonly actor?: string;
  /** If-Match: the version the client saw. */
  readonly expectedVersion?: number;
  /** Bulk writers (imports, seeding) skip read-your-writes: nobody reads between their rows. */
  readonly skipReadYourWrites?: boolean;
}

@Injectable()
export class AggregateCommands {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    caller: CommandCaller,
  ): Promise<CommandResult<S>> {
    const result = await handleCommand<C, E, S>(
      this.store,
      decider,
      { tenant: caller.tenant, id: streamId },
      command,
      {
        tenant: caller.tenant,
        actor: caller.actor,
        expectedVersion: caller.expectedVersion,
        correlationId: currentCorrelationId(),
        upcast: toDomainEvent<E>,
      },
    );
    if (result.lastPosition)
      await this.readModels.caughtUp(result.lastPosition, categoryOf(streamId));
    return result;
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
      { upcast: toDomainEvent<E> },
    );
  }
}
