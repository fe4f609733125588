/**
 * The write path every controller uses: handleCommand from @crm/event-sourcing (tenant, actor,
 * If-Match, correlation id, retries on concurrent writes), then read-your-writes on the read
 * models that read the stream's category.
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
  type ToDomainEvent,
} from '@crm/event-sourcing';
import { CLOCK, type Clock } from '../clock/clock';
import { currentCorrelationId } from '../logging/request-context';
import type { EventSourcingModuleOptions } from './event-sourcing-options';
import { ReadModels } from './read-models';
import { EVENT_SOURCING_OPTIONS, EVENT_STORE } from './tokens';

export interface CommandCaller {
  readonly tenant: string;
  /** User id (JWT sub) or `system:<component>`. */
  readonly actor: string;
  /** If-Match: the version the client saw. */
  readonly expectedVersion?: number;
}

@Injectable()
export class AggregateCommands {
  private readonly upcast: ToDomainEvent<DomainEvent> | undefined;

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
        now: () => this.clock.now(),
        upcast: this.upcast as ToDomainEvent<E> | undefined,
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
      { upcast: this.upcast as ToDomainEvent<E> | undefined },
    );
  }
}
