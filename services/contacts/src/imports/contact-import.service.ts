/**
 * CSV import, streamed: records are parsed and applied one at a time (the parser waits for us:
 * back-pressure), row reports are flushed in batches, so memory stays flat for any file size.
 * Rows upsert: match on email, then phone (contacts created earlier in the same file included);
 * a dry run decides every row with the pure decider against current state and appends nothing.
 */
import { DomainError } from '@crm/event-sourcing';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, ProblemException, AggregateCommands, type CommandCaller } from '@crm/platform';
import { parse } from 'csv-parse';
import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import type { Pool } from 'pg';
import { contactDecider, type ContactState } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import { contactStreamId } from '../contacts/contact-view';
import { CustomFieldCatalogueReader } from '../custom-fields/custom-field-catalogue';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { todayUtc } from '../shared/clock';
import { normalisePhone } from '../shared/phone-number';
import { sequenceDecider } from '../shared/sequence-decider';
import { checkHeader, readImportRow, type CsvRecord } from './import-row';
import {
  ImportStore,
  migrateImportTables,
  type ImportRowReport,
  type ImportSummary,
} from './import-store';
import { KeyedScheduler } from './keyed-scheduler';

const FLUSH_EVERY = 500;
/** Rows applied at once (rows sharing an email or phone never overlap). */
const IMPORT_CONCURRENCY = Number(process.env.CONTACTS_IMPORT_CONCURRENCY ?? 8);

interface ImportContext {
  readonly catalogue: Awaited<ReturnType<CustomFieldCatalogueReader['fieldsOf']>>;
  readonly today: string;
  readonly dryRun: boolean;
  readonly createdHere: Map<string, string>;
  readonly dryRunStates: Map<string, ContactState>;
}

interface PreparedRow {
  readonly parsed: ReturnType<typeof readImportRow>;
  readonly phone: string | undefined;
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

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly aggregates: AggregateCommands,
    private readonly customFields: CustomFieldCatalogueReader,
  ) {
    this.store = new ImportStore(pool);
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
    const started = await this.store.begin(caller.tenant, importId, dryRun);
    if (!started) {
      body.resume(); // drain: the upload is not needed, the import already happened
      const existing = (await this.store.get(caller.tenant, importId))!;
      if (existing.status === 'running') {
        throw new DomainError(
          'ImportInProgress',
          `Import ${importId} is still running`,
          'conflict',
          { importId },
        );
      }
      return { summary: existing, replayed: true };
    }
    const catalogue = await this.customFields.fieldsOf(caller.tenant);
    const today = todayUtc();
    const createdHere = new Map<string, string>(); // email/phone -> contact id created by this import
    const dryRunStates = new Map<string, ContactState>();
    let pending: ImportRowReport[] = [];
    let rowNumber = 0;
    try {
      // pipeline forwards a failing upload (too large, aborted) into the parser, ending the loop.
      const records = pipeline(
        body,
        parse({
          columns: (header: string[]) => checkHeader(header),
          skip_empty_lines: true,
          trim: true,
          bom: true,
        }),
        () => undefined,
      );
      const scheduler = new KeyedScheduler(IMPORT_CONCURRENCY);
      const ctx = { catalogue, today, dryRun, createdHere, dryRunStates };
      for await (const record of records as AsyncIterable<CsvRecord>) {
        const row = ++rowNumber;
        const prepared = this.prepare(row, record, ctx);
        if ('outcome' in prepared) pending.push(prepared);
        else
          await scheduler.schedule(prepared.keys, async () => {
            const report = await this.applyRow(caller, row, prepared, ctx);
            // Read `pending` only now: a flush may have swapped the batch while this row ran.
            pending.push(report);
          });
        if (pending.length >= FLUSH_EVERY) {
          const batch = pending;
          pending = [];
          await this.store.record(caller.tenant, importId, batch);
        }
      }
      await scheduler.drain();
      await this.store.record(caller.tenant, importId, pending);
      return { summary: await this.store.finish(caller.tenant, importId), replayed: false };
    } catch (error) {
      await this.store.record(caller.tenant, importId, pending).catch(() => undefined);
      const problem = describeFailure(error);
      await this.store.finish(caller.tenant, importId, problem);
      if (error instanceof DomainError || error instanceof ProblemException) throw error;
      if (problem.code === 'MalformedCsv') {
        throw new DomainError(problem.code, problem.message, 'invalid', {
          field: 'body',
          row: rowNumber + 1,
        });
      }
      throw error;
    }
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
      const { parsed, phone, keys } = prepared;
      const matchedId =
        keys.map((k) => ctx.createdHere.get(k)).find(Boolean) ??
        (await this.match(caller.tenant, parsed.email, phone));
      const existing = matchedId ? await this.stateOf(caller.tenant, matchedId, ctx) : undefined;
      const contactId = matchedId ?? randomUUID();
      const commands = parsed.commandsFor(
        existing ? { contactId, state: existing } : undefined,
        contactId,
      );

      let events: ContactEvent[];
      if (ctx.dryRun) {
        events = contactSequence.decide(commands, existing ?? contactDecider.initialState());
        if (events.length)
          ctx.dryRunStates.set(
            contactId,
            events.reduce(contactDecider.evolve, existing ?? contactDecider.initialState()),
          );
      } else {
        const result = await this.aggregates.execute(
          contactSequence,
          contactStreamId(contactId),
          commands,
          caller,
        );
        events = result.events as unknown as ContactEvent[];
      }
      if (!existing) for (const key of keys) ctx.createdHere.set(key, contactId);
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

  private async stateOf(
    tenant: string,
    contactId: string,
    ctx: { dryRun: boolean; dryRunStates: Map<string, ContactState> },
  ): Promise<ContactState> {
    const simulated = ctx.dryRun ? ctx.dryRunStates.get(contactId) : undefined;
    if (simulated) return simulated;
    return (await this.aggregates.load(contactDecider, tenant, contactStreamId(contactId))).state;
  }

  private async match(
    tenant: string,
    email: string | undefined,
    phone: string | undefined,
  ): Promise<string | undefined> {
    for (const [column, value] of [
      ['emails', email],
      ['phones', phone],
    ] as const) {
      if (!value) continue;
      const { rows } = await this.pool.query<{ contact_id: string }>(
        `SELECT contact_id FROM ${CONTACTS_SCHEMA}.contact_list WHERE tenant = $1 AND ${column} @> ARRAY[$2]::text[]
            AND status IN ('active', 'archived') ORDER BY created_at LIMIT 1`,
        [tenant, value],
      );
      if (rows[0]) return rows[0].contact_id;
    }
    return undefined;
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
