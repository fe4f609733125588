/**
 * CSV import, streamed: records are parsed and applied as they arrive (the parser waits for us:
 * back-pressure), row reports are flushed in batches, so memory stays flat in the file size but
 * for the import's key index (a few dozen bytes per email/phone it wrote).
 * Rows upsert: match on email, then phone, against the read model and against what this import
 * already wrote (ImportKeyIndex), so a row never waits for the read model to show an earlier row
 * and one import never creates two contacts for one email or phone. Rows are applied in chunks of
 * LOOKAHEAD: decided in file order, then appended in one appendToStreams (see applyChunk); a
 * refused chunk, and a dry run, take the per-row path, where rows sharing an email or phone run
 * in file order and others overlap. The read models are awaited once, at the end: when the
 * import answers, queries show what it wrote.
 * A dry run decides every row with the pure decider against current state and appends nothing;
 * it is an import of its own (ImportKey), so it never takes the id from the real import.
 * Idempotent per id: the same file again replays the report, another file is ImportIdReused.
 */
import {
  categoryOf,
  DomainError,
  inTransaction,
  sequenceDecider,
  type EventStore,
  type Position,
  type ToDomainEvent,
} from '@crm/event-sourcing';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  AggregateCommands,
  appendImportBatch,
  CLOCK,
  EVENT_SOURCING_OPTIONS,
  handleImportCommand,
  hashingTap,
  KeyedScheduler,
  PG_POOL,
  ProblemException,
  ReadModels,
  sha256Of,
  todayUtc,
  type Clock,
  type CommandCaller,
  type EventSourcingModuleOptions,
} from '@crm/platform';
import { parse } from 'csv-parse';
import { normalisePhone } from '@crm/values';
import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import type { Pool } from 'pg';
import { CompanyReferences } from '../companies/company-references';
import { contactDecider, type ContactState } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import { contactStreamId } from '../contacts/contact-view';
import { CustomFieldCatalogueReader } from '../custom-fields/custom-field-catalogue';
import { CONTACTS_CONFIG, type ContactsConfig } from '../contacts.config';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { checkHeader, readImportRow, type CsvRecord } from './import-row';
import { ImportKeyIndex } from './import-key-index';
import { ImportPhaseTimer, type ImportPhaseTotals } from './import-phases';
import {
  ImportStore,
  migrateImportTables,
  type ImportKey,
  type ImportRowReport,
  type ImportSummary,
} from './import-store';
import { ImportErrors } from './import.errors';

const FLUSH_EVERY = 500;
/**
 * Rows read ahead of the ones applied, their keys looked up in the read model together: also the
 * chunk appended in one write.
 */
const LOOKAHEAD = 500;
/** How long the end of an import waits for the read models to show its rows. */
const READ_MODEL_WAIT_MS = 10 * 60_000;
const CONTACT_CATEGORY = categoryOf(contactStreamId('00000000-0000-0000-0000-000000000000'));

interface ImportContext {
  readonly catalogue: Awaited<ReturnType<CustomFieldCatalogueReader['fieldsOf']>>;
  readonly today: string;
  readonly dryRun: boolean;
  readonly index: ImportKeyIndex;
  readonly dryRunStates: Map<string, ContactState>;
  readonly timer: ImportPhaseTimer;
  /** Each company id the rows name, checked once per import (a refusal rejects every such row). */
  readonly companies: Map<string, Promise<void>>;
  /** Position of the last event this import appended: the one the read models must reach. */
  lastPosition: Position | undefined;
}

type Batch = { row: number; prepared: PreparedRow | ImportRowReport }[];

/** A contact stream as a chunk leaves it: the version it was read at and the events decided. */
interface ChunkStream {
  readonly version: number;
  state: ContactState;
  readonly events: ContactEvent[];
}

interface PreparedRow {
  readonly parsed: ReturnType<typeof readImportRow>;
  readonly phone: string | undefined;
  /** `e:<email>` then `p:<phone>`: the match order, and the scheduler's keys. */
  readonly keys: string[];
}

/** Domain rejections become the row's report; anything else (database down) fails the import. */
function rejection(row: number, error: unknown): ImportRowReport {
  if (!(error instanceof DomainError)) throw error;
  return {
    row,
    outcome: 'rejected',
    contactId: null,
    reasons: [
      {
        code: error.code,
        ...(typeof error.details?.field === 'string' ? { field: error.details.field } : {}),
        message: error.message,
      },
    ],
  };
}
const contactSequence = sequenceDecider(contactDecider);

@Injectable()
export class ContactImportService implements OnModuleInit {
  readonly store: ImportStore;
  /** Phase totals of the last import this instance ran (profiling: logged, read by the bench). */
  lastProfile: { importId: string; phases: ImportPhaseTotals } | undefined;
  private readonly logger = new Logger('ContactImport');
  private readonly upcast: ToDomainEvent<ContactEvent> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly aggregates: AggregateCommands,
    private readonly readModels: ReadModels,
    private readonly customFields: CustomFieldCatalogueReader,
    @Inject(EVENT_SOURCING_OPTIONS) options: EventSourcingModuleOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACTS_CONFIG) private readonly config: ContactsConfig,
    private readonly companyReferences: CompanyReferences,
  ) {
    this.store = new ImportStore(pool, clock);
    this.upcast = options.upcast as ToDomainEvent<ContactEvent> | undefined;
  }

  async onModuleInit(): Promise<void> {
    await migrateImportTables(this.pool);
  }

  async run(
    caller: CommandCaller,
    importId: string,
    dryRun: boolean,
    body: Readable,
  ): Promise<{ summary: ImportSummary; replayed: boolean }> {
    const key: ImportKey = { tenant: caller.tenant, importId, dryRun };
    const started = await this.store.begin(key);
    if (!started) return this.replay(key, body);
    const file = hashingTap();
    const ctx: ImportContext = {
      catalogue: await this.customFields.fieldsOf(caller.tenant),
      today: todayUtc(this.clock),
      dryRun,
      index: new ImportKeyIndex(),
      dryRunStates: new Map<string, ContactState>(),
      timer: new ImportPhaseTimer(),
      companies: new Map(),
      lastPosition: undefined,
    };
    let pending: ImportRowReport[] = [];
    let rowNumber = 0;
    try {
      // pipeline forwards a failing upload (too large, aborted) into the parser, ending the loop.
      const records = pipeline(
        body,
        file.tap,
        parse({
          columns: (header: string[]) => checkHeader(header),
          skip_empty_lines: true,
          trim: true,
          bom: true,
        }),
        () => undefined,
      );
      // Rows applied at once (rows sharing an email or phone never overlap).
      const scheduler = new KeyedScheduler(this.config.importConcurrency);
      const iterator = (records as AsyncIterable<CsvRecord>)[Symbol.asyncIterator]();
      /** The next rows (at most LOOKAHEAD), their keys then asked of the read model in one query. */
      const readAhead = async (): Promise<Batch> => {
        const batch: Batch = [];
        while (batch.length < LOOKAHEAD) {
          const next = await ctx.timer.time('parse', () => iterator.next());
          if (next.done) break;
          const row = ++rowNumber;
          batch.push({
            row,
            prepared: ctx.timer.timeSync('parse', () => this.prepare(row, next.value, ctx)),
          });
        }
        await ctx.timer.time('match', () =>
          ctx.index.prefetch(
            batch.flatMap(({ prepared }) => ('keys' in prepared ? prepared.keys : [])),
            (keys) => this.readModelMatches(caller.tenant, keys),
          ),
        );
        return batch;
      };
      let batch = await readAhead();
      while (batch.length) {
        // The next batch is read and looked up while this one is applied.
        const following = readAhead();
        following.catch(() => undefined); // awaited below; this only stops an unhandled warning
        if (!dryRun && this.aggregates.store.atomicMultiStreamAppend) {
          // The whole batch decided in file order and appended in one write (see applyChunk).
          pending.push(...(await this.applyChunk(caller, batch, ctx)));
          if (pending.length >= FLUSH_EVERY) {
            const reports = pending;
            pending = [];
            await ctx.timer.time('report', () => this.store.record(key, reports));
          }
          batch = await following;
          continue;
        }
        for (const { row, prepared } of batch) {
          if ('outcome' in prepared) pending.push(prepared);
          else
            await scheduler.schedule(prepared.keys, async () => {
              const report = await this.applyRow(caller, row, prepared, ctx);
              // Read `pending` only now: a flush may have swapped the batch while this row ran.
              pending.push(report);
            });
          if (pending.length >= FLUSH_EVERY) {
            const reports = pending;
            pending = [];
            await ctx.timer.time('report', () => this.store.record(key, reports));
          }
        }
        batch = await following;
      }
      await scheduler.drain();
      await ctx.timer.time('report', () => this.store.record(key, pending));
      await ctx.timer.time('readYourWrites', () => this.readModelsShow(ctx.lastPosition));
      return { summary: await this.store.finish(key, file.sha256()), replayed: false };
    } catch (error) {
      await this.store.record(key, pending).catch(() => undefined);
      const problem = describeFailure(error);
      await this.store.finish(key, file.sha256(), problem);
      if (error instanceof DomainError || error instanceof ProblemException) throw error;
      if (problem.code === 'MalformedCsv') {
        throw ImportErrors.malformedCsv(problem.message, rowNumber + 1);
      }
      throw error;
    } finally {
      this.lastProfile = { importId, phases: ctx.timer.snapshot() };
      this.logger.log({ msg: 'import profile', rows: rowNumber, ...this.lastProfile });
    }
  }

  /**
   * The import already exists: its report again for the same file, ImportIdReused for another.
   * An import that failed before reading its whole file has no hash: its report is replayed.
   */
  private async replay(
    key: ImportKey,
    body: Readable,
  ): Promise<{ summary: ImportSummary; replayed: boolean }> {
    const existing = (await this.store.find(key))!;
    if (existing.summary.status === 'running') {
      body.resume(); // drain: the upload is not needed
      throw ImportErrors.importInProgress(key.importId);
    }
    const sha256 = await sha256Of(body);
    if (existing.fileSha256 && existing.fileSha256 !== sha256) {
      throw ImportErrors.importIdReused(key.importId);
    }
    return { summary: existing.summary, replayed: true };
  }

  /** A row's company_id names a company of the tenant, as on POST /contacts (UnknownCompany). */
  private assertCompany(tenant: string, companyId: string, ctx: ImportContext): Promise<void> {
    let known = ctx.companies.get(companyId);
    if (!known) {
      known = this.companyReferences.assertKnown(tenant, companyId, 'company_id');
      ctx.companies.set(companyId, known);
    }
    return known;
  }

  /** Parses a row; a row that cannot even be read is rejected here, before any I/O. */
  private prepare(
    row: number,
    record: CsvRecord,
    ctx: ImportContext,
  ): PreparedRow | ImportRowReport {
    try {
      const parsed = readImportRow(record, ctx.catalogue, ctx.today);
      const phone = parsed.phone ? normalisePhone(parsed.phone) : undefined;
      const keys = [parsed.email && `e:${parsed.email}`, phone && `p:${phone}`].filter(
        Boolean,
      ) as string[];
      return { parsed, phone, keys };
    } catch (error) {
      return rejection(row, error);
    }
  }

  private async applyRow(
    caller: CommandCaller,
    row: number,
    prepared: PreparedRow,
    ctx: ImportContext,
  ): Promise<ImportRowReport> {
    try {
      const { parsed, keys } = prepared;
      if (parsed.companyId) await this.assertCompany(caller.tenant, parsed.companyId, ctx);
      const matchedId = await ctx.timer.time('match', () => this.match(caller.tenant, keys, ctx));
      const existing = matchedId
        ? await ctx.timer.time('load', () => this.stateOf(caller.tenant, matchedId, ctx))
        : undefined;
      const contactId = matchedId ?? randomUUID();
      const commands = parsed.commandsFor(
        existing ? { contactId, state: existing } : undefined,
        contactId,
      );

      let events: readonly unknown[];
      if (ctx.dryRun) {
        const decided = contactSequence.decide(commands, existing ?? contactDecider.initialState());
        if (decided.length)
          ctx.dryRunStates.set(
            contactId,
            decided.reduce(contactDecider.evolve, existing ?? contactDecider.initialState()),
          );
        events = decided;
      } else {
        // Matches later rows through `ctx.index` rather than waiting for the read model.
        const result = await handleImportCommand(
          this.rowStore(ctx.timer, existing ? undefined : contactStreamId(contactId)),
          contactSequence,
          { tenant: caller.tenant, id: contactStreamId(contactId) },
          commands,
          { caller, now: () => this.clock.now(), upcast: this.upcast },
          ctx,
        );
        events = result.events;
      }
      if (!existing) ctx.index.created(contactId, row);
      ctx.index.wrote(contactId, keys);
      return {
        row,
        outcome: !existing ? 'created' : events.length ? 'updated' : 'unchanged',
        contactId,
        reasons: [],
      };
    } catch (error) {
      return rejection(row, error);
    }
  }

  /**
   * A chunk of rows in one write: each row is decided in file order against its contact's state
   * (loaded together beforehand, or as an earlier row of the chunk left it), so rows of one chunk
   * match each other as they would one by one; then every stream the chunk changed goes in ONE
   * appendToStreams with its expected version (new contacts: no stream), the subject keys of the
   * new contacts created in one statement by the crypto-shredding store. If that append is
   * refused (a concurrent writer moved a contact, a subject was erased), nothing was written: the
   * index forgets the chunk and its rows take the per-row path, which reports each exactly.
   */
  private async applyChunk(
    caller: CommandCaller,
    batch: Batch,
    ctx: ImportContext,
  ): Promise<ImportRowReport[]> {
    const tenant = caller.tenant;
    const reports: ImportRowReport[] = [];
    const rows = batch.filter(
      (b): b is { row: number; prepared: PreparedRow } => !('outcome' in b.prepared),
    );
    for (const { prepared } of batch) if ('outcome' in prepared) reports.push(prepared);
    const streams = await ctx.timer.time('load', () => this.loadMatched(tenant, rows, ctx));
    const checkpoint = ctx.index.checkpoint();
    const decided: ImportRowReport[] = [];
    try {
      for (const { row, prepared } of rows) {
        try {
          const { parsed, keys } = prepared;
          if (parsed.companyId) await this.assertCompany(tenant, parsed.companyId, ctx);
          const matchedId = await this.match(tenant, keys, ctx);
          let stream = matchedId ? streams.get(matchedId) : undefined;
          if (matchedId && !stream) {
            // A key an earlier row gave an existing contact: not among those loaded beforehand.
            const loaded = await ctx.timer.time('load', () => this.loadState(tenant, matchedId));
            stream = { version: loaded.version, state: loaded.state, events: [] };
            streams.set(matchedId, stream);
          }
          const existing = stream && (stream.version > 0 || stream.events.length > 0);
          const contactId = matchedId ?? randomUUID();
          const state = stream?.state ?? contactDecider.initialState();
          const commands = parsed.commandsFor(
            existing ? { contactId, state } : undefined,
            contactId,
          );
          const events = contactSequence.decide(commands, state);
          if (events.length) {
            const target = stream ?? { version: 0, state, events: [] };
            target.events.push(...events);
            target.state = events.reduce(contactDecider.evolve, state);
            streams.set(contactId, target);
          }
          if (!existing) ctx.index.created(contactId, row);
          ctx.index.wrote(contactId, keys);
          decided.push({
            row,
            outcome: !existing ? 'created' : events.length ? 'updated' : 'unchanged',
            contactId,
            reasons: [],
          });
        } catch (error) {
          decided.push(rejection(row, error));
        }
      }
      await ctx.timer.time('append', () =>
        appendImportBatch(
          this.aggregates.store,
          [...streams].map(([contactId, s]) => ({
            stream: { tenant, id: contactStreamId(contactId) },
            version: s.version,
            events: s.events,
          })),
          { caller, now: () => this.clock.now(), upcast: this.upcast },
          ctx,
        ),
      );
      checkpoint.keep();
      return [...reports, ...decided];
    } catch (error) {
      checkpoint.undo();
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ msg: 'import chunk refused, rows applied one by one', code: error.code });
      for (const { row, prepared } of rows)
        reports.push(await this.applyRow(caller, row, prepared, ctx));
      return reports;
    }
  }

  /**
   * The states of the contacts the chunk's rows match before any of them is applied (the read
   * model's holders and contacts earlier chunks wrote), read concurrently.
   */
  private async loadMatched(
    tenant: string,
    rows: readonly { prepared: PreparedRow }[],
    ctx: ImportContext,
  ): Promise<Map<string, ChunkStream>> {
    const ids = new Set<string>();
    for (const { prepared } of rows) {
      const id = await this.match(tenant, prepared.keys, ctx);
      if (id) ids.add(id);
    }
    const streams = new Map<string, ChunkStream>();
    const pending = [...ids];
    const worker = async () => {
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const { state, version } = await this.loadState(tenant, id);
        streams.set(id, { version, state, events: [] });
      }
    };
    await Promise.all(Array.from({ length: this.config.importConcurrency }, worker));
    return streams;
  }

  private loadState(tenant: string, contactId: string) {
    return this.aggregates.load(contactDecider, tenant, contactStreamId(contactId));
  }

  /**
   * The service's store for one row, with reads and appends (encryption included) timed for the
   * profile. `newStreamId` names the stream of a contact this row creates under a fresh random id:
   * it cannot exist yet, so reading it is skipped (one round trip less for most rows); the append
   * still expects no stream, so the store itself guarantees it.
   */
  private rowStore(timer: ImportPhaseTimer, newStreamId?: string): EventStore {
    const store = this.aggregates.store;
    return {
      readStream: (stream, options) =>
        stream.id === newStreamId
          ? Promise.resolve({ version: 0, events: [] })
          : timer.time('readStream', () => store.readStream(stream, options)),
      append: (stream, events, expected) =>
        timer.time('append', () => store.append(stream, events, expected)),
      appendToStreams: (appends) => timer.time('append', () => store.appendToStreams(appends)),
      atomicMultiStreamAppend: store.atomicMultiStreamAppend,
      readAll: (options) => store.readAll(options),
      subscribe: (options, handler) => store.subscribe(options, handler),
      close: () => store.close(),
    };
  }

  /** Waits until every read model fed by contact streams has applied `position`. */
  private async readModelsShow(position: Position | undefined): Promise<void> {
    if (!position) return;
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    // caughtUp gives up after a few seconds; a large import may leave a longer backlog.
    while (!(await this.readModels.caughtUp(position, CONTACT_CATEGORY))) {
      if (Date.now() > deadline) {
        this.logger.warn({ msg: 'import answered before the read models showed all its rows' });
        return;
      }
    }
  }

  private async stateOf(
    tenant: string,
    contactId: string,
    ctx: { dryRun: boolean; dryRunStates: Map<string, ContactState> },
  ): Promise<ContactState> {
    const simulated = ctx.dryRun ? ctx.dryRunStates.get(contactId) : undefined;
    if (simulated) return simulated;
    return (await this.aggregates.load(contactDecider, tenant, contactStreamId(contactId))).state;
  }

  /** Email first, then phone: what this import wrote, else the read model. */
  private match(
    tenant: string,
    keys: readonly string[],
    ctx: ImportContext,
  ): Promise<string | undefined> {
    return ctx.index.match(keys, (unchecked) => this.readModelMatches(tenant, unchecked));
  }

  /**
   * The oldest active or archived contact holding each key, in one query: one GIN scan per
   * column for all the keys. `OFFSET 0` keeps the tenant test out of the index scan: the planner
   * would otherwise AND it with a scan of the tenant's whole btree. (Each GIN scan also reads the
   * index's pending list: ~1 ms a key while it is full, as when autovacuum is off.)
   */
  private async readModelMatches(
    tenant: string,
    keys: readonly string[],
  ): Promise<Map<string, string>> {
    const values = (prefix: string) =>
      keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    const rows = await inTransaction(this.pool, async (client) => {
      // `&&` with many values is estimated unselective, so the planner scans the whole table,
      // growing with every row imported; the GIN indexes answer it in milliseconds.
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{
        contact_id: string;
        emails: string[];
        phones: string[];
      }>(
        `SELECT contact_id, emails, phones FROM (
           SELECT contact_id, tenant, status, created_at, emails, phones
             FROM ${CONTACTS_SCHEMA}.contact_list
            WHERE emails && $2::text[] OR phones && $3::text[] OFFSET 0) h
          WHERE tenant = $1 AND status IN ('active', 'archived')
          ORDER BY created_at, contact_id`,
        [tenant, values('e:'), values('p:')],
      );
      return rows;
    });
    const wanted = new Set(keys);
    const holders = new Map<string, string>();
    for (const row of rows) {
      const held = [...row.emails.map((e) => `e:${e}`), ...row.phones.map((p) => `p:${p}`)];
      // Oldest first: the first contact seen holding a key is its holder.
      for (const key of held)
        if (wanted.has(key) && !holders.has(key)) holders.set(key, row.contact_id);
    }
    return holders;
  }
}

function describeFailure(error: unknown): { code: string; field?: string; message: string } {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      ...(typeof error.details?.field === 'string' ? { field: error.details.field } : {}),
      message: error.message,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  // csv-parse errors carry a code such as CSV_RECORD_INCONSISTENT_COLUMNS: the file is malformed.
  const code = (error as { code?: string }).code ?? 'ImportFailed';
  return { code: code.startsWith('CSV_') ? 'MalformedCsv' : 'ImportFailed', message };
}
