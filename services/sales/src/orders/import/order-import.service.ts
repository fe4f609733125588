/**
 * Order history import, streamed: records are read and applied as they arrive (back-pressure
 * from the parser), row reports are flushed in batches, so memory stays flat in the file size.
 * CSV rows of one order (consecutive rows sharing external_order_id) become one order; a JSON
 * record is one order. Each order is one append of ImportOrder on the stream whose id derives
 * from (tenant, external id): imported again with the same content it appends nothing
 * (`duplicate`), with other content it is refused (`conflict`), also across imports and when two
 * run at once (the append expects a new stream). Orders overlap (KeyedScheduler, one external id
 * at a time); the read models are awaited once, at the end, so when the import answers, queries
 * show what it wrote.
 * A dry run decides every order against the current state and appends nothing; it is an import
 * of its own (BulkImportKey), so it never takes the id from the real import.
 */
import { categoryOf, DomainError, type Position, type ToDomainEvent } from '@crm/event-sourcing';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  AggregateCommands,
  BulkImportStore,
  CLOCK,
  deterministicId,
  EVENT_SOURCING_OPTIONS,
  handleImportCommand,
  hashingTap,
  isoNow,
  jsonRecordSplitter,
  KeyedScheduler,
  MalformedJsonError,
  PG_POOL,
  ProblemException,
  ReadModels,
  sha256Of,
  type BulkImportKey,
  type BulkImportReason,
  type BulkImportRowReport,
  type BulkImportSummary,
  type Clock,
  type CommandCaller,
  type EventSourcingModuleOptions,
  type JsonRecordText,
} from '@crm/platform';
import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import type { Pool } from 'pg';
import type { SelectedOption } from '../../cpq/configurator';
import { S } from '../../infrastructure/read-model-part';
import { STREAM } from '../../infrastructure/streams';
import type { ImportOrder } from '../order.commands';
import { orderDecider, type OrderState } from '../order.decider';
import type { OrderEvent, OrderLine } from '../order.events';
import { ImportReferences, type CatalogueProduct } from './import-references';
import {
  checkCsvHeader,
  draftOfCsvRows,
  draftOfJson,
  fieldName,
  RowRejection,
  type CsvRecord,
  type DraftLine,
  type OrderDraft,
} from './order-draft';
import { OrderImportErrors } from './order-import.errors';

export const ORDER_IMPORT_OUTCOMES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export type OrderImportOutcome = (typeof ORDER_IMPORT_OUTCOMES)[number];
export type OrderImportRow = BulkImportRowReport<OrderImportOutcome>;
export type OrderImportSummary = BulkImportSummary<OrderImportOutcome>;

/** The upload: a stream (CSV, or NDJSON / a JSON array) or an array the JSON body parser read. */
export type OrderImportBody =
  | { readonly format: 'csv' | 'json'; readonly stream: Readable }
  | { readonly format: 'json-array'; readonly records: readonly unknown[] };

const FLUSH_EVERY = 500;
const CONCURRENCY = 8;
/** How long the end of an import waits for the read models to show its orders. */
const READ_MODEL_WAIT_MS = 10 * 60_000;
const ORDER_CATEGORY = categoryOf(STREAM.order('00000000-0000-0000-0000-000000000000'));

interface ImportContext {
  readonly caller: CommandCaller;
  readonly dryRun: boolean;
  readonly references: ImportReferences;
  /** Dry run: what each external id became earlier in this file (a later copy is a duplicate). */
  readonly dryRunStates: Map<string, OrderState>;
  lastPosition: Position | undefined;
}

/** A unit of work: an order to apply, or rows already refused while reading. */
type Item = { draft: OrderDraft } | { rejected: OrderImportRow[] };

@Injectable()
export class OrderImportService implements OnModuleInit {
  readonly store: BulkImportStore<OrderImportOutcome>;
  private readonly logger = new Logger('OrderImport');
  private readonly upcast: ToDomainEvent<OrderEvent> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly aggregates: AggregateCommands,
    private readonly readModels: ReadModels,
    @Inject(EVENT_SOURCING_OPTIONS) options: EventSourcingModuleOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.store = new BulkImportStore(pool, clock, `${S}.order_imports`, ORDER_IMPORT_OUTCOMES);
    this.upcast = options.upcast as ToDomainEvent<OrderEvent> | undefined;
  }

  async onModuleInit(): Promise<void> {
    await this.store.migrate();
  }

  async run(
    caller: CommandCaller,
    importId: string,
    dryRun: boolean,
    body: OrderImportBody,
  ): Promise<{ summary: OrderImportSummary; replayed: boolean }> {
    const key: BulkImportKey = { tenant: caller.tenant, importId, dryRun };
    if (!(await this.store.begin(key))) return this.replay(key, body);
    const file = hashingTap();
    const ctx: ImportContext = {
      caller,
      dryRun,
      references: new ImportReferences(this.pool, caller.tenant),
      dryRunStates: new Map(),
      lastPosition: undefined,
    };
    let pending: OrderImportRow[] = [];
    let lastRow = 0;
    const flush = async (force = false) => {
      if (!force && pending.length < FLUSH_EVERY) return;
      const reports = pending;
      pending = [];
      await this.store.record(key, reports);
    };
    try {
      const scheduler = new KeyedScheduler(CONCURRENCY);
      const items =
        body.format === 'json-array'
          ? jsonArrayItems(body.records)
          : body.format === 'csv'
            ? csvItems(pipeline(body.stream, file.tap, csvParser(), () => undefined))
            : jsonItems(pipeline(body.stream, file.tap, jsonRecordSplitter(), () => undefined));
      for await (const item of items) {
        if ('rejected' in item) {
          pending.push(...item.rejected);
          lastRow = Math.max(lastRow, ...item.rejected.map((r) => r.row));
        } else {
          const { draft } = item;
          lastRow = Math.max(lastRow, ...draft.rows);
          await scheduler.schedule([draft.externalId], async () => {
            const reports = await this.applyOrder(draft, ctx);
            // Read `pending` only now: a flush may have swapped the batch while this order ran.
            pending.push(...reports);
          });
        }
        await flush();
      }
      await scheduler.drain();
      await flush(true);
      await this.readModelsShow(ctx.lastPosition);
      const sha256 =
        body.format === 'json-array' ? sha256OfText(JSON.stringify(body.records)) : file.sha256();
      return { summary: await this.store.finish(key, sha256), replayed: false };
    } catch (error) {
      await this.store.record(key, pending).catch(() => undefined);
      const problem = describeFailure(error);
      await this.store.finish(key, undefined, problem);
      if (error instanceof DomainError || error instanceof ProblemException) throw error;
      if (problem.code === 'MalformedOrderFile')
        throw OrderImportErrors.malformedOrderFile(problem.message, lastRow + 1);
      throw error;
    }
  }

  /** The import exists: its report again for the same file, OrderImportIdReused for another. */
  private async replay(
    key: BulkImportKey,
    body: OrderImportBody,
  ): Promise<{ summary: OrderImportSummary; replayed: boolean }> {
    const existing = (await this.store.find(key))!;
    if (existing.summary.status === 'running') {
      if (body.format !== 'json-array') body.stream.resume(); // drain: the upload is not needed
      throw OrderImportErrors.orderImportInProgress(key.importId);
    }
    const sha256 =
      body.format === 'json-array'
        ? sha256OfText(JSON.stringify(body.records))
        : await sha256Of(body.stream);
    if (existing.fileSha256 && existing.fileSha256 !== sha256)
      throw OrderImportErrors.orderImportIdReused(key.importId);
    return { summary: existing.summary, replayed: true };
  }

  /** One order: resolve what it names, decide, append (or only decide in a dry run). */
  private async applyOrder(draft: OrderDraft, ctx: ImportContext): Promise<OrderImportRow[]> {
    const orderId = deterministicId(ctx.caller.tenant, 'order', 'import', draft.externalId);
    try {
      const command = await this.commandOf(draft, orderId, ctx);
      const stream = { tenant: ctx.caller.tenant, id: STREAM.order(orderId) };
      let appended: number;
      if (ctx.dryRun) {
        const state =
          ctx.dryRunStates.get(draft.externalId) ??
          (await this.aggregates.load(orderDecider, stream.tenant, stream.id)).state;
        const events = orderDecider.decide(command, state);
        ctx.dryRunStates.set(draft.externalId, events.reduce(orderDecider.evolve, state));
        appended = events.length;
      } else {
        const result = await handleImportCommand(
          this.aggregates.store,
          orderDecider,
          stream,
          command,
          { caller: ctx.caller, now: () => this.clock.now(), upcast: this.upcast },
          ctx,
        );
        appended = result.events.length;
      }
      const outcome: OrderImportOutcome = appended ? 'accepted' : 'duplicate';
      return draft.rows.map((row) => ({
        row,
        outcome,
        recordId: orderId,
        key: draft.externalId,
        reasons: [],
      }));
    } catch (error) {
      if (error instanceof RowRejection) return rejectedOrder(draft, error.row, error.error);
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'ImportedOrderConflict')
        return draft.rows.map((row) => ({
          row,
          outcome: 'conflict' as const,
          recordId: orderId,
          key: draft.externalId,
          reasons: [reasonOf(error, draft.format)],
        }));
      return rejectedOrder(draft, rowOfError(draft, error), error);
    }
  }

  /** The ImportOrder command: customer and products resolved, options named. */
  private async commandOf(
    draft: OrderDraft,
    orderId: string,
    ctx: ImportContext,
  ): Promise<ImportOrder> {
    const f = (member: string) => fieldName(draft.format, member);
    const first = draft.rows[0];
    let contactId: string | undefined;
    if (draft.contactId !== undefined) {
      const standing = await ctx.references.contact(draft.contactId);
      if (typeof standing === 'string')
        throw new RowRejection(
          first,
          OrderImportErrors.unknownImportedCustomer(f('contactId'), draft.contactId, standing),
        );
      contactId = standing.known;
    }
    if (draft.companyId !== undefined && !(await ctx.references.company(draft.companyId)))
      throw new RowRejection(
        first,
        OrderImportErrors.unknownImportedCustomer(f('companyId'), draft.companyId, 'unknown'),
      );
    const lines = await Promise.all(
      draft.lines.map(async (line, i) => {
        const product = await ctx.references.product(line.product);
        const field =
          draft.format === 'csv'
            ? line.product.by === 'id'
              ? 'product_id'
              : 'sku'
            : `lines[${i}].${line.product.by === 'id' ? 'productId' : 'sku'}`;
        if (!product)
          throw new RowRejection(
            line.row,
            OrderImportErrors.unknownImportedProduct(field, line.product.value),
          );
        return orderLineOf(
          line,
          product,
          draft.format === 'csv' ? 'options' : `lines[${i}].optionIds`,
        );
      }),
    );
    return {
      type: 'ImportOrder',
      data: {
        orderId,
        externalId: draft.externalId,
        contactId,
        companyId: draft.companyId,
        ownerId: draft.ownerId,
        currency: draft.currency,
        taxRateBps: draft.taxRateBps,
        discountBps: draft.discountBps,
        lines,
        placedAt: draft.placedAt,
        outcome: draft.outcome,
        now: isoNow(this.clock),
      },
    };
  }

  /** Waits until every read model fed by order streams has applied `position`. */
  private async readModelsShow(position: Position | undefined): Promise<void> {
    if (!position) return;
    // Elapsed time (a timeout), not business time.
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    while (!(await this.readModels.caughtUp(position, ORDER_CATEGORY))) {
      if (Date.now() > deadline) {
        this.logger.warn({ msg: 'order import answered before the read models showed it all' });
        return;
      }
    }
  }
}

function orderLineOf(line: DraftLine, product: CatalogueProduct, optionsField: string): OrderLine {
  const options: SelectedOption[] = line.optionIds.map((optionId) => {
    for (const group of product.model.groups) {
      const option = group.options.find((o) => o.optionId === optionId);
      // The historic unit price already includes what the options cost then.
      if (option)
        return {
          groupId: group.groupId,
          optionId,
          name: option.name,
          priceDeltaMinor: 0,
          defaulted: false,
        };
    }
    throw new RowRejection(
      line.row,
      OrderImportErrors.unknownImportedOption(optionsField, optionId),
    );
  });
  return {
    lineId: line.lineId,
    productId: product.productId,
    sku: product.sku,
    name: product.name,
    options,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    discountBps: line.discountBps,
  };
}

/** The decider names `lines[i].x` or an order member: the row holding it. */
function rowOfError(draft: OrderDraft, error: DomainError): number {
  const field = typeof error.details?.field === 'string' ? error.details.field : '';
  const line = /^lines\[(\d+)\]/.exec(field);
  return line ? (draft.lines[Number(line[1])]?.row ?? draft.rows[0]) : draft.rows[0];
}

function reasonOf(error: DomainError, format: OrderDraft['format']): BulkImportReason {
  const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
  return {
    code: error.code,
    ...(field ? { field: fieldName(format, field) } : {}),
    message: error.message,
  };
}

/** The row at fault gets the reason; the order's other rows say why they were not imported. */
function rejectedOrder(
  draft: Pick<OrderDraft, 'format' | 'externalId' | 'rows'>,
  faultRow: number,
  error: DomainError,
): OrderImportRow[] {
  return draft.rows.map((row) => ({
    row,
    outcome: 'rejected' as const,
    recordId: null,
    key: draft.externalId,
    reasons: [
      row === faultRow
        ? reasonOf(error, draft.format)
        : reasonOf(OrderImportErrors.orderRowRejected(draft.externalId, faultRow), draft.format),
    ],
  }));
}

function csvParser() {
  return parse({
    columns: (header: string[]) => checkCsvHeader(header),
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
}

/** CSV records grouped into orders: consecutive rows with one external_order_id. */
async function* csvItems(records: AsyncIterable<CsvRecord>): AsyncGenerator<Item> {
  let group: { row: number; record: CsvRecord }[] = [];
  let row = 0;
  const close = (): Item | undefined => {
    if (!group.length) return undefined;
    const rows = group;
    group = [];
    try {
      return { draft: draftOfCsvRows(rows) };
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      const externalId = rows[0].record.external_order_id ?? '';
      return {
        rejected: rejectedOrder(
          { format: 'csv', externalId, rows: rows.map((r) => r.row) },
          error.row,
          error.error,
        ).map((r) => ({ ...r, key: externalId || null })),
      };
    }
  };
  for await (const record of records) {
    row += 1;
    const id = record.external_order_id ?? '';
    // An order ends where the next external id starts (an empty id is an order of its own).
    if (group.length && (id === '' || id !== (group[0].record.external_order_id ?? ''))) {
      const item = close();
      if (item) yield item;
    }
    group.push({ row, record });
    if (id === '') {
      const item = close();
      if (item) yield item;
    }
  }
  const item = close();
  if (item) yield item;
}

async function* jsonItems(texts: AsyncIterable<JsonRecordText>): AsyncGenerator<Item> {
  for await (const { row, text } of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield {
        rejected: [
          {
            row,
            outcome: 'rejected',
            recordId: null,
            key: null,
            reasons: [
              reasonOf(OrderImportErrors.malformedOrderRecord((error as Error).message), 'json'),
            ],
          },
        ],
      };
      continue;
    }
    yield jsonItem(row, value);
  }
}

async function* jsonArrayItems(records: readonly unknown[]): AsyncGenerator<Item> {
  for (let i = 0; i < records.length; i++) yield jsonItem(i + 1, records[i]);
}

function jsonItem(row: number, value: unknown): Item {
  try {
    return { draft: draftOfJson(row, value) };
  } catch (error) {
    if (!(error instanceof RowRejection)) throw error;
    const externalId =
      value &&
      typeof value === 'object' &&
      typeof (value as { externalId?: unknown }).externalId === 'string'
        ? (value as { externalId: string }).externalId
        : null;
    return {
      rejected: [
        {
          row,
          outcome: 'rejected',
          recordId: null,
          key: externalId,
          reasons: [reasonOf(error.error, 'json')],
        },
      ],
    };
  }
}

function sha256OfText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function describeFailure(error: unknown): BulkImportReason {
  if (error instanceof DomainError)
    return {
      code: error.code,
      ...(typeof error.details?.field === 'string' ? { field: error.details.field } : {}),
      message: error.message,
    };
  const message = error instanceof Error ? error.message : String(error);
  // csv-parse errors carry a code such as CSV_RECORD_INCONSISTENT_COLUMNS: the file is malformed.
  const code = (error as { code?: string }).code ?? '';
  const malformed = code.startsWith('CSV_') || error instanceof MalformedJsonError;
  return { code: malformed ? 'MalformedOrderFile' : 'OrderImportFailed', message };
}
