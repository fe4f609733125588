/**
 * What campaigns keeps of a person's profile, as audience_contacts columns, from what
 * crm.contacts.v1 and the contact state topic carry. Contacts publishes personal details in clear
 * (the integration mapper blanks only what an erasure shredded), so nothing here decrypts; the
 * copy is deleted on `contact.erased` and on a tombstone.
 *
 * A registration and a state carry the whole profile (a member they lack is empty); a
 * details_changed carries only what changed (a member absent did not change; lists whole), so
 * it maps to a patch of just those columns.
 */
import {
  CONSENT_CHANNELS,
  type ContactDetailsChangedV1,
  type ContactRegisteredV1,
} from '@crm/contracts';

export interface ProfileColumns {
  readonly display_name: string | null;
  /** `name.given` / `name.family` (templates greet by them); null when contacts has none. */
  readonly given_name: string | null;
  readonly family_name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly lifecycle_stage: string | null;
  readonly status: string | null;
  readonly owner_id: string | null;
  readonly company_id: string | null;
  readonly tags: readonly string[];
  readonly custom_fields: Readonly<Record<string, unknown>>;
  readonly birth_date: string | null;
  readonly age_band: string | null;
  readonly gender: string | null;
  readonly household_income_band: string | null;
  readonly time_zone: string | null;
  readonly country: string | null;
}

export type ProfilePatch = Partial<ProfileColumns>;

export const PROFILE_COLUMNS = [
  'display_name',
  'given_name',
  'family_name',
  'email',
  'phone',
  'lifecycle_stage',
  'status',
  'owner_id',
  'company_id',
  'tags',
  'custom_fields',
  'birth_date',
  'age_band',
  'gender',
  'household_income_band',
  'time_zone',
  'country',
] as const satisfies readonly (keyof ProfileColumns)[];

export const EMPTY_PROFILE: ProfileColumns = {
  display_name: null,
  given_name: null,
  family_name: null,
  email: null,
  phone: null,
  lifecycle_stage: null,
  status: null,
  owner_id: null,
  company_id: null,
  tags: [],
  custom_fields: {},
  birth_date: null,
  age_band: null,
  gender: null,
  household_income_band: null,
  time_zone: null,
  country: null,
};

export type ConsentStatus = 'granted' | 'withdrawn' | 'unknown';
/** Every channel named, undecided ones 'unknown', so a rule never meets a missing key. */
export type ConsentColumn = Readonly<Record<(typeof CONSENT_CHANNELS)[number], ConsentStatus>>;

export const UNKNOWN_CONSENT: ConsentColumn = Object.freeze(
  Object.fromEntries(CONSENT_CHANNELS.map((channel) => [channel, 'unknown'])) as Record<
    (typeof CONSENT_CHANNELS)[number],
    ConsentStatus
  >,
);

/** The members of a contact event or state campaigns reads (all optional: events carry some). */
type ContactMembers = Partial<ContactRegisteredV1 & ContactDetailsChangedV1>;

/** The columns the members present in `d` set, and only those. */
export function profilePatch(d: ContactMembers): ProfilePatch {
  const patch: { -readonly [K in keyof ProfileColumns]?: ProfileColumns[K] } = {};
  const has = (member: keyof ContactMembers) => member in d && d[member] !== undefined;
  if (has('displayName')) patch.display_name = d.displayName!;
  // `name` comes whole (a change carries both parts), so a part it lacks was cleared.
  if (has('name')) {
    patch.given_name = d.name?.given ?? null;
    patch.family_name = d.name?.family ?? null;
  }
  if (has('primaryEmail')) patch.email = d.primaryEmail ?? null;
  else if (has('emails')) patch.email = primaryOf(d.emails!)?.address ?? null;
  if (has('primaryPhone')) patch.phone = d.primaryPhone ?? null;
  else if (has('phones')) patch.phone = primaryOf(d.phones!)?.number ?? null;
  if (has('lifecycleStage')) patch.lifecycle_stage = d.lifecycleStage!;
  if (has('status')) patch.status = d.status!;
  if (has('ownerId')) patch.owner_id = d.ownerId ?? null;
  if (has('companyId')) patch.company_id = d.companyId ?? null;
  if (has('tags')) patch.tags = [...d.tags!];
  if (has('customFields')) patch.custom_fields = { ...d.customFields! };
  if (has('demographics')) {
    const demographics = d.demographics ?? {};
    patch.birth_date = demographics.birthDate ?? null;
    patch.age_band = demographics.ageBand ?? null;
    patch.gender = demographics.gender ?? null;
    patch.household_income_band = demographics.householdIncomeBand ?? null;
  }
  if (has('bestTimeToCall')) patch.time_zone = d.bestTimeToCall?.timeZone ?? null;
  if (has('addresses')) patch.country = primaryOf(d.addresses!)?.country ?? null;
  return patch;
}

/** A registration or a state: the whole profile, a member it lacks empty. */
export function wholeProfile(d: ContactMembers): ProfileColumns {
  return { ...EMPTY_PROFILE, status: 'active', ...profilePatch(d) };
}

/** The state topic's `consent` ({ email: { status, ... } }) as the audience column. */
export function consentOfState(
  consent: Readonly<Record<string, { status?: string } | undefined>> | undefined,
): ConsentColumn {
  const column: Record<string, ConsentStatus> = { ...UNKNOWN_CONSENT };
  for (const channel of CONSENT_CHANNELS) {
    const status = consent?.[channel]?.status;
    if (status === 'granted' || status === 'withdrawn') column[channel] = status;
  }
  return column as ConsentColumn;
}

/** The flagged primary entry, else the first (contacts flags exactly one when there are any). */
function primaryOf<T extends { primary?: boolean }>(list: readonly T[]): T | undefined {
  return list.find((entry) => entry.primary) ?? list[0];
}
