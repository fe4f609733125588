/**
 * One CSV row as the import understands it. Pure: header checks, cell normalisation, and the plan
 * (which commands a row becomes, given the contact it matched or none).
 */
import { DomainError } from '@crm/event-sourcing';
import { printableText, unstorableReason } from '@crm/platform';
import { normaliseEmail } from '@crm/values';
import type { CustomFieldDefinition } from '../custom-fields/custom-field';
import type { ContactCommand } from '../contacts/contact.commands';
import type { ContactState } from '../contacts/contact.decider';
import type { ContactChannel, LifecycleStage } from '../contacts/contact';
import { ImportErrors } from './import.errors';

export const IMPORT_COLUMNS = [
  'email',
  'phone',
  'given_name',
  'family_name',
  'lifecycle_stage',
  'owner_id',
  'company_id',
  'tags',
  'preferred_channel',
] as const;
/** Custom field columns are `cf_<key>`, e.g. `cf_loyalty_tier`. */
export const CUSTOM_FIELD_COLUMN = /^cf_([a-z][a-z0-9_]{0,39})$/;

export class UnknownImportColumnError extends DomainError {
  constructor(column: string) {
    super(
      'UnknownImportColumn',
      `Unknown CSV column "${printableText(column)}"; allowed: ${IMPORT_COLUMNS.join(', ')}, cf_<custom field key>`,
      'invalid',
      {
        // Printable: the import's report is stored in PostgreSQL, which refuses a NUL.
        field: printableText(column),
      },
    );
  }
}

/** Validates the header line; throws naming the first unknown column. */
export function checkHeader(columns: readonly string[]): string[] {
  const normalised = columns.map((c) => c.trim().toLowerCase());
  for (const column of normalised) {
    if (
      !(IMPORT_COLUMNS as readonly string[]).includes(column) &&
      !CUSTOM_FIELD_COLUMN.test(column)
    ) {
      throw new UnknownImportColumnError(column);
    }
  }
  if (!normalised.includes('email') && !normalised.includes('phone')) {
    throw ImportErrors.importNeedsEmailOrPhone();
  }
  return normalised;
}

export type CsvRecord = Readonly<Record<string, string | undefined>>;

const cell = (record: CsvRecord, column: string): string | undefined => {
  const value = record[column]?.trim();
  return value ? value : undefined;
};

/** A custom field cell in its definition's type (CSV holds only text). */
function typedCell(raw: string, definition: CustomFieldDefinition | undefined): unknown {
  if (!definition) return raw; // the decider rejects it as unknown, naming the field
  switch (definition.type) {
    case 'number':
      return Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'multi-select':
      return raw
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
    default:
      return raw;
  }
}

export interface ImportRow {
  readonly email?: string;
  readonly phone?: string;
  /** The company the row names: the import checks it names one of the tenant's. */
  readonly companyId?: string;
  readonly commandsFor: (
    existing: { contactId: string; state: ContactState } | undefined,
    newContactId: string,
  ) => ContactCommand[];
}

export function readImportRow(
  record: CsvRecord,
  catalogue: Readonly<Record<string, CustomFieldDefinition>>,
  today: string,
): ImportRow {
  // The upload skips the JSON edge check: a cell PostgreSQL would refuse rejects its row here.
  for (const [column, value] of Object.entries(record)) {
    const reason = value === undefined ? undefined : unstorableReason(value);
    if (reason) throw ImportErrors.invalidCharacters(column, reason);
  }
  const email = cell(record, 'email');
  const phone = cell(record, 'phone');
  if (!email && !phone) throw ImportErrors.importRowNeedsEmailOrPhone();
  const given = cell(record, 'given_name');
  const family = cell(record, 'family_name');
  const stage = cell(record, 'lifecycle_stage') as LifecycleStage | undefined;
  const ownerId = cell(record, 'owner_id');
  const companyId = cell(record, 'company_id');
  const preferredChannel = cell(record, 'preferred_channel') as ContactChannel | undefined;
  const tags =
    cell(record, 'tags')
      ?.split(';')
      .map((t) => t.trim())
      .filter(Boolean) ?? [];
  const customFields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) {
    const key = CUSTOM_FIELD_COLUMN.exec(column)?.[1];
    const text = value?.trim();
    if (key && text)
      customFields[key] = typedCell(
        text,
        Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined,
      );
  }
  const name =
    given || family ? { ...(given ? { given } : {}), ...(family ? { family } : {}) } : undefined;

  return {
    email: email ? normaliseEmail(email) : undefined,
    phone,
    companyId,
    commandsFor(existing, newContactId) {
      if (!existing) {
        return [
          {
            type: 'RegisterContact',
            data: {
              contactId: newContactId,
              name: name ?? { given: email ?? phone },
              emails: email ? [{ address: email }] : [],
              phones: phone ? [{ number: phone }] : [],
              tags,
              customFields,
              ...(ownerId ? { ownerId } : {}),
              ...(companyId ? { companyId } : {}),
              ...(stage ? { lifecycleStage: stage } : {}),
              ...(preferredChannel ? { preferredChannel } : {}),
              customFieldCatalogue: catalogue,
              today,
            },
          },
        ];
      }
      const { state } = existing;
      const commands: ContactCommand[] = [
        {
          type: 'UpdateContact',
          data: {
            ...(name ? { name: { ...state.name, ...name } } : {}),
            ...(ownerId ? { ownerId } : {}),
            ...(companyId ? { companyId } : {}),
            ...(stage ? { lifecycleStage: stage } : {}),
            ...(preferredChannel ? { preferredChannel } : {}),
            today,
          },
        },
      ];
      if (email && !state.emails.some((e) => e.address === normaliseEmail(email)))
        commands.push({ type: 'AddContactEmail', data: { address: email } });
      if (phone) commands.push({ type: 'AddContactPhone', data: { number: phone } });
      if (tags.length) commands.push({ type: 'TagContact', data: { tags } });
      if (Object.keys(customFields).length)
        commands.push({
          type: 'SetContactCustomFields',
          data: { values: customFields, customFieldCatalogue: catalogue },
        });
      return commands;
    },
  };
}
