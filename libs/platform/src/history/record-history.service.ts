/**
 * History and as-of reads of one record over the service's event store (decrypted, so erased
 * personal data reads `[erased]`; upcast like every other read). A controller gives the record's
 * spec (fold + view) and its not-found error; paging is newest first with a signed cursor made
 * for this record's history, so a cursor of another record or list is a 400 naming `cursor`.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  categoryOf,
  recordedToDomainEvent,
  type DomainEvent,
  type EventStore,
  type RecordedEvent,
} from '@crm/event-sourcing';
import { parseInstant } from '@crm/values';
import { validationProblem } from '../errors/validation';
import { DEFAULT_PAGE_LIMIT } from '../event-sourcing/pagination-query.dto';
import type { EventSourcingModuleOptions } from '../event-sourcing/event-sourcing-options';
import { EVENT_SOURCING_OPTIONS, EVENT_STORE } from '../event-sourcing/tokens';
import type { Page } from '../http/keyset-page';
import { CursorCodec } from '../http/signed-cursor';
import {
  historyOf,
  viewAsOf,
  type HistoryEntry,
  type RecordHistorySpec,
  type ToSpecEvent,
} from './record-history';

export interface HistoryPageRequest {
  readonly limit?: number;
  readonly cursor?: string;
}

@Injectable()
export class RecordHistory {
  private readonly toEvent: ToSpecEvent<DomainEvent>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_SOURCING_OPTIONS) options: EventSourcingModuleOptions,
    private readonly cursors: CursorCodec,
  ) {
    this.toEvent = options.upcast ?? recordedToDomainEvent;
  }

  /** The record's changes, newest first; `notFound` when it never existed. */
  async page<E extends DomainEvent, S, V>(
    spec: RecordHistorySpec<E, S, V>,
    stream: { tenant: string; id: string },
    request: HistoryPageRequest,
    notFound: () => Error,
  ): Promise<Page<HistoryEntry>> {
    const list = `history:${categoryOf(stream.id)}`;
    const cursor = this.cursors.decode(list, request.cursor);
    if (cursor && cursor.id !== stream.id) {
      throw validationProblem([{ field: 'cursor', message: 'cursor belongs to another record' }]);
    }
    const entries = historyOf(spec, await this.events(stream), this.toEvent as ToSpecEvent<E>);
    if (!entries.length) throw notFound();
    const before = cursor ? Number(cursor.value) : Infinity;
    const newestFirst = entries.reverse().filter((entry) => entry.version < before);
    const limit = request.limit ?? DEFAULT_PAGE_LIMIT;
    const items = newestFirst.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        newestFirst.length > limit && last
          ? this.cursors.encode(list, { value: String(last.version), id: stream.id })
          : null,
    };
  }

  /**
   * The view as it stood at `rawInstant` (the `asOf` query parameter): a 400 naming `asOf` for a
   * malformed instant, `notFound` when the record did not exist yet.
   */
  async asOf<E extends DomainEvent, S, V>(
    spec: RecordHistorySpec<E, S, V>,
    stream: { tenant: string; id: string },
    rawInstant: string,
    notFound: () => Error,
  ): Promise<V> {
    const instant = parseAsOf(rawInstant);
    const view = viewAsOf(spec, await this.events(stream), this.toEvent as ToSpecEvent<E>, instant);
    if (view === undefined) throw notFound();
    return view;
  }

  private async events(stream: { tenant: string; id: string }): Promise<RecordedEvent[]> {
    return (await this.store.readStream(stream)).events;
  }
}

function parseAsOf(raw: string): string {
  try {
    return parseInstant(raw, 'asOf');
  } catch {
    throw validationProblem([
      {
        field: 'asOf',
        message: 'asOf must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T09:00:00Z',
      },
    ]);
  }
}
