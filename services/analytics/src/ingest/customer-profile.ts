/**
 * What analytics keeps of a person (customers): demographics as contacts publishes them
 * (gender, birth date, age band, household income band), lifecycle stage and status, owner and
 * company. No names, emails or phones: reports need none. A registration or a state carries the
 * whole profile (a member it lacks is empty); a details_changed only what changed.
 */
import type { ContactDetailsChangedV1, ContactRegisteredV1 } from '@crm/contracts';

export interface CustomerColumns {
  readonly lifecycle_stage: string | null;
  readonly status: string | null;
  readonly gender: string | null;
  readonly birth_date: string | null;
  readonly age_band: string | null;
  readonly income_band: string | null;
  readonly company_id: string | null;
  readonly owner_id: string | null;
}

export type CustomerPatch = Partial<CustomerColumns>;

export const CUSTOMER_COLUMNS = [
  'lifecycle_stage',
  'status',
  'gender',
  'birth_date',
  'age_band',
  'income_band',
  'company_id',
  'owner_id',
] as const satisfies readonly (keyof CustomerColumns)[];

const EMPTY: CustomerColumns = {
  lifecycle_stage: null,
  status: 'active',
  gender: null,
  birth_date: null,
  age_band: null,
  income_band: null,
  company_id: null,
  owner_id: null,
};

type ContactMembers = Partial<ContactRegisteredV1 & ContactDetailsChangedV1>;

/** The columns the members present in `d` set, and only those. */
export function customerPatch(d: ContactMembers): CustomerPatch {
  const patch: { -readonly [K in keyof CustomerColumns]?: CustomerColumns[K] } = {};
  const has = (member: keyof ContactMembers) => member in d && d[member] !== undefined;
  if (has('lifecycleStage')) patch.lifecycle_stage = d.lifecycleStage!;
  if (has('status')) patch.status = d.status!;
  if (has('ownerId')) patch.owner_id = d.ownerId ?? null;
  if (has('companyId')) patch.company_id = d.companyId ?? null;
  if (has('demographics')) {
    const demographics = d.demographics ?? {};
    patch.gender = demographics.gender ?? null;
    patch.birth_date = demographics.birthDate ?? null;
    patch.age_band = demographics.ageBand ?? null;
    patch.income_band = demographics.householdIncomeBand ?? null;
  }
  return patch;
}

/** A registration or a state: the whole profile. */
export function wholeCustomer(d: ContactMembers): CustomerColumns {
  return { ...EMPTY, ...customerPatch(d) };
}
