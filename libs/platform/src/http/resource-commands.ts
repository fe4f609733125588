/**
 * The write path of a resource controller in one place: a command on the resource's stream
 * (AggregateCommands: If-Match, retries, read-your-writes), then the one answer every command
 * gives (command-answer.ts): the resource as its GET shows it, ETag = version, and on create
 * 201 with Location. A controller declares its resource once and each route is one call.
 */
import type { CommandResult, Decider, DomainEvent } from '@crm/event-sourcing';
import type { FastifyReply } from 'fastify';
import { requireRecordAccess, type RecordHolders } from '../auth/record-access';
import type { AggregateCommands, CommandCaller } from '../event-sourcing/aggregate-commands';
import {
  answerCommand,
  answerCreated,
  viewAfterWrite,
  type CommandAnswer,
  type ResourceView,
} from './command-answer';
import { setETag } from './etag';

interface ResourceStream<C, E extends DomainEvent, S> {
  readonly decider: Decider<C, E, S>;
  /** The resource's stream id, e.g. `STREAM.lead`. */
  readonly streamOf: (id: string) => string;
  /** Record-level access (auth/record-access.ts); omit for records any holder of the route's roles changes. */
  readonly access?: RecordAccess<S>;
}

export interface RecordAccess<S> {
  /** The record's name in the 403 NotYourRecord problem, e.g. 'opportunity'. */
  readonly record: string;
  /** Who owns or is assigned the record in `state`; undefined while it does not exist (the decider answers). */
  readonly holders: (state: S) => RecordHolders | undefined;
}

/**
 * The decider, with the record-access check before every decision: on the very state the events
 * are decided from and appended after (optimistic version), so a reassignment racing the command
 * cannot slip through. Callers without a token (system actors) are not checked.
 */
export function withRecordAccess<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  access: RecordAccess<S> | undefined,
  caller: CommandCaller,
): Decider<C, E, S> {
  const user = caller.user;
  if (!access || !user) return decider;
  return {
    ...decider,
    decide: (command, state) => {
      const holders = access.holders(state);
      if (holders) requireRecordAccess(user, access.record, holders);
      return decider.decide(command, state);
    },
  };
}

/** The view comes from a read model: while it lags the write, the answer is only id and version. */
export interface ReadModelResource<
  C,
  E extends DomainEvent,
  S,
  V extends ResourceView,
> extends ResourceStream<C, E, S> {
  /** The resource as its GET shows it, undefined while the read model does not have it. */
  readonly read: (tenant: string, id: string) => Promise<V | undefined>;
}

/** The view comes from the state the command folded: always the whole resource, never stale. */
export interface FoldedStateResource<
  C,
  E extends DomainEvent,
  S,
  V extends ResourceView,
> extends ResourceStream<C, E, S> {
  /** The resource as its GET shows it, from the stream's state at `version`. */
  readonly fromState: (id: string, state: S, version: number) => V;
}

/**
 * The commands on one kind of resource. Function properties rather than methods, so the
 * compiler checks the command type strictly (methods would be compared bivariantly).
 * A is the answer: CommandAnswer<V> from a read model, V itself from the folded state.
 */
export interface ResourceCommands<C, A extends ResourceView> {
  /** A command on an existing resource: its view, ETag = version. */
  readonly run: (caller: CommandCaller, id: string, reply: FastifyReply, command: C) => Promise<A>;
  /** The command that creates the resource `id`: 201, Location, its view, ETag = version. */
  readonly create: (
    caller: CommandCaller,
    id: string,
    reply: FastifyReply,
    command: C,
    location: string,
  ) => Promise<A>;
}

export function resourceCommands<C, E extends DomainEvent, S, V extends ResourceView>(
  aggregates: AggregateCommands,
  resource: ReadModelResource<C, E, S, V>,
): ResourceCommands<C, CommandAnswer<V>>;
export function resourceCommands<C, E extends DomainEvent, S, V extends ResourceView>(
  aggregates: AggregateCommands,
  resource: FoldedStateResource<C, E, S, V>,
): ResourceCommands<C, V>;
export function resourceCommands<C, E extends DomainEvent, S, V extends ResourceView>(
  aggregates: AggregateCommands,
  resource: ReadModelResource<C, E, S, V> | FoldedStateResource<C, E, S, V>,
): ResourceCommands<C, CommandAnswer<V>> {
  const viewOf = async (
    tenant: string,
    id: string,
    result: CommandResult<S>,
  ): Promise<CommandAnswer<V>> =>
    'read' in resource
      ? viewAfterWrite(await resource.read(tenant, id), { id, version: result.nextExpectedVersion })
      : resource.fromState(id, result.state, result.nextExpectedVersion);
  const execute = async (caller: CommandCaller, id: string, command: C) =>
    viewOf(
      caller.tenant,
      id,
      await aggregates.execute(
        withRecordAccess(resource.decider, resource.access, caller),
        resource.streamOf(id),
        command,
        caller,
      ),
    );
  return {
    run: async (caller, id, reply, command) =>
      answerCommand(reply, await execute(caller, id, command)),
    create: async (caller, id, reply, command, location) =>
      answerCreated(reply, await execute(caller, id, command), location),
  };
}

/**
 * The read side of the same resource: the view a GET names, ETag = version, or `notFound()`
 * (a 404 problem from the resource's error catalogue) when there is none.
 */
export function answerRead<V extends ResourceView>(
  reply: FastifyReply,
  view: V | undefined,
  notFound: () => Error,
): V {
  if (!view) throw notFound();
  setETag(reply, view.version);
  return view;
}
