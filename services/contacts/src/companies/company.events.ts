/** Facts about one company (account), stream `company-<companyId>`. */
import type { DomainEvent } from '@crm/event-sourcing';
import type { PostalAddress } from '../shared/postal-address';
import type { CompanySizeBand } from './company';

export interface CompanyDetails {
  name: string;
  domain?: string;
  industry?: string;
  sizeBand?: CompanySizeBand;
}
export type CompanyRegistered = DomainEvent<
  'CompanyRegistered',
  CompanyDetails & {
    companyId: string;
    addresses: PostalAddress[];
    parentCompanyId?: string;
    /** Who registered it, its owner for record-level access; absent on older events. */
    ownerId?: string;
  }
>;
/** Only changed fields; `null` clears an optional one. */
export type CompanyDetailsChanged = DomainEvent<
  'CompanyDetailsChanged',
  {
    name?: string;
    domain?: string | null;
    industry?: string | null;
    sizeBand?: CompanySizeBand | null;
  }
>;
export type CompanyParentChanged = DomainEvent<
  'CompanyParentChanged',
  { parentCompanyId: string | null }
>;
/**
 * `after`: the company's addresses once the event applied (the decider folds it to get them), for
 * the integration event to carry the new list; absent in events recorded before it existed.
 */
export type CompanyAddressAdded = DomainEvent<
  'CompanyAddressAdded',
  PostalAddress & { after?: { addresses: readonly PostalAddress[] } }
>;
export type CompanyAddressRemoved = DomainEvent<
  'CompanyAddressRemoved',
  { addressId: string; after?: { addresses: readonly PostalAddress[] } }
>;
export type CompanyArchived = DomainEvent<'CompanyArchived', Record<string, never>>;

export type CompanyEvent =
  | CompanyRegistered
  | CompanyDetailsChanged
  | CompanyParentChanged
  | CompanyAddressAdded
  | CompanyAddressRemoved
  | CompanyArchived;
