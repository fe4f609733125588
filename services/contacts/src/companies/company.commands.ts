import type { PostalAddressInput } from '../shared/postal-address';
import type { CompanySizeBand } from './company';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type RegisterCompany = Command<
  'RegisterCompany',
  {
    companyId: string;
    name: string;
    domain?: string;
    industry?: string;
    sizeBand?: CompanySizeBand;
    addresses?: PostalAddressInput[];
    parentCompanyId?: string;
    /** The proposed parent's own ancestors (looked up by the handler), to refuse cycles purely. */
    parentAncestry?: string[];
    /** Who registers it (the caller): its owner. */
    ownerId?: string;
  }
>;
export type UpdateCompany = Command<
  'UpdateCompany',
  {
    name?: string;
    domain?: string | null;
    industry?: string | null;
    sizeBand?: CompanySizeBand | null;
    parentCompanyId?: string | null;
    parentAncestry?: string[];
  }
>;
export type AddCompanyAddress = Command<'AddCompanyAddress', PostalAddressInput>;
export type RemoveCompanyAddress = Command<'RemoveCompanyAddress', { addressId: string }>;
export type ArchiveCompany = Command<'ArchiveCompany', Record<string, never>>;

export type CompanyCommand =
  RegisterCompany | UpdateCompany | AddCompanyAddress | RemoveCompanyAddress | ArchiveCompany;
