/**
 * The write path every controller uses: handleCommand from @crm/event-sourcing (If-Match,
 * retries, metadata), then read-your-writes on the read models.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  aggregateStream,
  handleCommand,
  type AggregateState,
  type CommandResult,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@crm/event-sourcing';
import { currentCorrelationId } from '@crm/platform';
import { ReadModels } from './read-models';
import { EVENT_STORE } from './tokens';

export interface CommandCaller {
  readonly tenant: string;
  /** User id (JWT sub) or `system:<component>`. */
  readonly actor: string;
  /** If-Match: the version the client saw. */
  readonly expectedVersion?: number;
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
    const result = await handleCommand(
      this.store,
      decider,
      { tenant: caller.tenant, id: streamId },
      command,
      {
        tenant: caller.tenant,
        actor: caller.actor,
        expectedVersion: caller.expectedVersion,
        correlationId: currentCorrelationId(),
      },
    );
    if (result.lastPosition) await this.readModels.caughtUp(result.lastPosition);
    return result;
  }

  load<E extends DomainEvent, S>(
    decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
    tenant: string,
    streamId: string,
  ): Promise<AggregateState<S>> {
    return aggregateStream(this.store, decider, { tenant, id: streamId });
  }
}
