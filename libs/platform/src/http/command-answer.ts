/**
 * The one answer of a command on a resource: the resource as its GET shows it (with `id` and
 * `version`), `ETag: "<version>"`, and on create 201 with Location. A front end refreshes its copy
 * from the answer without another request and sends the ETag back as If-Match.
 */
import type { FastifyReply } from 'fastify';
import { setETag } from './etag';

/** What every resource view carries; `version` is the stream version the ETag names. */
export interface ResourceView {
  readonly id: string;
  readonly version: number;
}

/** The view, or while the read models lag the write (see viewAfterWrite), its id and version alone. */
export type CommandAnswer<V extends ResourceView> = V | ResourceView;

/**
 * A view read back from a read model after a command (the resource as its GET shows it). While
 * that read model does not show the write yet (the answer then carries `Read-Your-Writes: pending`
 * or `stale`), the rest of the view would be older than the write: only its id and version, so
 * the ETag stays right and an If-Match built from it is not stale.
 */
export function viewAfterWrite<V extends ResourceView>(
  view: V | undefined,
  written: ResourceView,
): CommandAnswer<V> {
  if (view !== undefined && view.version >= written.version) return view;
  return { id: written.id, version: written.version };
}

/** The resource after a command on it. */
export function answerCommand<V extends ResourceView>(reply: FastifyReply, view: V): V {
  setETag(reply, view.version);
  return view;
}

/** The resource a command created: 201, Location names it. */
export function answerCreated<V extends ResourceView>(
  reply: FastifyReply,
  view: V,
  location: string,
): V {
  void reply.status(201).header('location', location);
  return answerCommand(reply, view);
}
