/**
 * The company (account) aggregate. Invariants: a bare, valid web domain; a parent hierarchy
 * without cycles; one primary address; an archived company takes no further changes.
 */
import { type Decider } from '@crm/event-sourcing';
import { parseOneOf, parseOptionalText, parseText } from '@crm/values';
import { parseList } from '../contacts/contact';
import { withSinglePrimary } from '../shared/labelled-list';
import { parsePostalAddress, type PostalAddress } from '../shared/postal-address';
import { COMPANY_SIZE_BANDS, parseDomain } from './company';
import type { CompanyCommand } from './company.commands';
import type { CompanyDetails, CompanyDetailsChanged, CompanyEvent } from './company.events';
import { CompanyErrors } from './company.errors';
import { AddressErrors } from '../shared/postal-address.errors';

export interface CompanyState extends Partial<CompanyDetails> {
  readonly status: 'unregistered' | 'active' | 'archived';
  readonly companyId?: string;
  readonly addresses: readonly PostalAddress[];
  readonly parentCompanyId?: string;
  /** Undefined on companies registered before owners were recorded. */
  readonly ownerId?: string;
}

const initialState = (): CompanyState => ({ status: 'unregistered', addresses: [] });

function parseParent(
  companyId: string,
  parentId: string | undefined,
  ancestry: readonly string[] = [],
): string | undefined {
  const parent = parseOptionalText(parentId, 'parentCompanyId', 128);
  if (parent === undefined) return undefined;
  if (parent === companyId || ancestry.includes(companyId)) {
    throw CompanyErrors.companyHierarchyCycle();
  }
  return parent;
}

/** Address events record the list they leave behind, as evolve folds it. */
function decide(command: CompanyCommand, state: CompanyState): CompanyEvent[] {
  let current = state;
  return decideEvents(command, state).map((event) => {
    current = evolve(current, event);
    return event.type === 'CompanyAddressAdded' || event.type === 'CompanyAddressRemoved'
      ? ({
          ...event,
          data: { ...event.data, after: { addresses: current.addresses } },
        } as CompanyEvent)
      : event;
  });
}

function decideEvents(command: CompanyCommand, state: CompanyState): CompanyEvent[] {
  if (command.type === 'RegisterCompany') {
    if (state.status !== 'unregistered') throw CompanyErrors.companyAlreadyRegistered();
    const d = command.data;
    const parentCompanyId = parseParent(d.companyId, d.parentCompanyId, d.parentAncestry);
    const domain = d.domain === undefined ? undefined : parseDomain(d.domain);
    const industry = parseOptionalText(d.industry, 'industry', 80);
    return [
      {
        type: 'CompanyRegistered',
        data: {
          companyId: d.companyId,
          name: parseText(d.name, 'name', 200),
          ...(domain ? { domain } : {}),
          ...(industry ? { industry } : {}),
          ...(d.sizeBand !== undefined
            ? { sizeBand: parseOneOf(d.sizeBand, COMPANY_SIZE_BANDS, 'sizeBand') }
            : {}),
          addresses: parseList(
            d.addresses,
            'addresses',
            parsePostalAddress,
            (a) => a.addressId,
            10,
          ),
          ...(parentCompanyId ? { parentCompanyId } : {}),
          ...(d.ownerId ? { ownerId: parseText(d.ownerId, 'ownerId', 128) } : {}),
        },
      },
    ];
  }
  if (state.status === 'unregistered') throw CompanyErrors.companyNotFound();
  if (state.status === 'archived') {
    if (command.type === 'ArchiveCompany') return [];
    throw CompanyErrors.companyArchived();
  }
  switch (command.type) {
    case 'UpdateCompany': {
      const d = command.data;
      const changes: CompanyDetailsChanged['data'] = {};
      if (d.name !== undefined) {
        const name = parseText(d.name, 'name', 200);
        if (name !== state.name) changes.name = name;
      }
      if (d.domain !== undefined) {
        const domain = d.domain === null ? null : parseDomain(d.domain);
        if (domain !== (state.domain ?? null)) changes.domain = domain;
      }
      if (d.industry !== undefined) {
        const industry = d.industry === null ? null : parseText(d.industry, 'industry', 80);
        if (industry !== (state.industry ?? null)) changes.industry = industry;
      }
      if (d.sizeBand !== undefined) {
        const sizeBand =
          d.sizeBand === null ? null : parseOneOf(d.sizeBand, COMPANY_SIZE_BANDS, 'sizeBand');
        if (sizeBand !== (state.sizeBand ?? null)) changes.sizeBand = sizeBand;
      }
      const events: CompanyEvent[] = Object.keys(changes).length
        ? [{ type: 'CompanyDetailsChanged', data: changes }]
        : [];
      if (d.parentCompanyId !== undefined) {
        const parent =
          d.parentCompanyId === null
            ? null
            : (parseParent(state.companyId!, d.parentCompanyId, d.parentAncestry) ?? null);
        if (parent !== (state.parentCompanyId ?? null))
          events.push({ type: 'CompanyParentChanged', data: { parentCompanyId: parent } });
      }
      return events;
    }
    case 'AddCompanyAddress': {
      const address = parsePostalAddress(command.data, 'address');
      if (state.addresses.some((a) => a.addressId === address.addressId)) {
        throw AddressErrors.addressAlreadyPresent();
      }
      return [
        {
          type: 'CompanyAddressAdded',
          data: { ...address, primary: address.primary || state.addresses.length === 0 },
        },
      ];
    }
    case 'RemoveCompanyAddress':
      if (!state.addresses.some((a) => a.addressId === command.data.addressId)) {
        throw AddressErrors.addressNotFound('company');
      }
      return [{ type: 'CompanyAddressRemoved', data: { addressId: command.data.addressId } }];
    case 'ArchiveCompany':
      return [{ type: 'CompanyArchived', data: {} }];
  }
}

function evolve(state: CompanyState, event: CompanyEvent): CompanyState {
  switch (event.type) {
    case 'CompanyRegistered':
      return { ...state, ...event.data, status: 'active' };
    case 'CompanyDetailsChanged': {
      const next: Record<string, unknown> = { ...state };
      for (const [key, value] of Object.entries(event.data)) next[key] = value ?? undefined;
      return next as unknown as CompanyState;
    }
    case 'CompanyParentChanged':
      return { ...state, parentCompanyId: event.data.parentCompanyId ?? undefined };
    case 'CompanyAddressAdded': {
      const { after: _after, ...address } = event.data;
      const others = address.primary
        ? state.addresses.map((a) => ({ ...a, primary: false }))
        : state.addresses;
      return { ...state, addresses: [...others, address] };
    }
    case 'CompanyAddressRemoved': {
      const rest = state.addresses.filter((a) => a.addressId !== event.data.addressId);
      return { ...state, addresses: rest.some((a) => a.primary) ? rest : withSinglePrimary(rest) };
    }
    case 'CompanyArchived':
      return { ...state, status: 'archived' };
  }
}

export const companyDecider: Decider<CompanyCommand, CompanyEvent, CompanyState> = {
  initialState,
  evolve,
  decide,
};
