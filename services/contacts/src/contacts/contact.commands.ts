/**
 * Intentions towards one contact. Commands carry raw client input (validated by the decider) plus
 * the facts the handler looked up for it: the tenant's custom field catalogue and today's date.
 */
import type { CustomFieldDefinition } from '../custom-fields/custom-field';
import type { MergePatch } from '../shared/merge-patch';
import type {
  BestTimeToCall,
  ContactChannel,
  ContactProfile,
  Demographics,
  EmailInput,
  LifecycleStage,
  PersonName,
  PhoneInput,
  PostalAddressInput,
  StageImpliedByFact,
} from './contact';

type CustomFieldCatalogue = Readonly<Record<string, CustomFieldDefinition>>;

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type RegisterContact = Command<
  'RegisterContact',
  {
    contactId: string;
    name: PersonName;
    emails?: EmailInput[];
    phones?: PhoneInput[];
    addresses?: PostalAddressInput[];
    bestTimeToCall?: BestTimeToCall;
    preferredChannel?: ContactChannel;
    demographics?: Demographics;
    tags?: string[];
    customFields?: Record<string, unknown>;
    ownerId?: string;
    companyId?: string;
    lifecycleStage?: LifecycleStage;
    customFieldCatalogue: CustomFieldCatalogue;
    today: string;
  }
>;
/** JSON Merge Patch (RFC 7396): absent = unchanged, `null` = clear, nested objects merge. */
export type UpdateContact = Command<
  'UpdateContact',
  {
    name?: MergePatch<PersonName>;
    bestTimeToCall?: MergePatch<BestTimeToCall> | null;
    preferredChannel?: ContactChannel | null;
    demographics?: MergePatch<Demographics> | null;
    ownerId?: string | null;
    companyId?: string | null;
    lifecycleStage?: LifecycleStage;
    today: string;
  }
>;
export type AddContactEmail = Command<'AddContactEmail', EmailInput>;
export type RemoveContactEmail = Command<'RemoveContactEmail', { address: string }>;
export type AddContactPhone = Command<'AddContactPhone', PhoneInput>;
export type RemoveContactPhone = Command<'RemoveContactPhone', { number: string }>;
export type AddContactAddress = Command<'AddContactAddress', PostalAddressInput>;
export type RemoveContactAddress = Command<'RemoveContactAddress', { addressId: string }>;
export type TagContact = Command<'TagContact', { tags: string[] }>;
export type UntagContact = Command<'UntagContact', { tag: string }>;
/** `null` clears a field. */
export type SetContactCustomFields = Command<
  'SetContactCustomFields',
  { values: Record<string, unknown>; customFieldCatalogue: CustomFieldCatalogue }
>;
export type ArchiveContact = Command<'ArchiveContact', { reason?: string }>;
export type RestoreContact = Command<'RestoreContact', Record<string, never>>;
export type AbsorbDuplicate = Command<
  'AbsorbDuplicate',
  { duplicateId: string; duplicate: ContactProfile & { ownerId?: string; companyId?: string } }
>;
export type MarkContactMerged = Command<'MarkContactMerged', { survivorId: string }>;
export type EraseContact = Command<'EraseContact', { erasedAt: string }>;
/** A fact from sales (converted lead, won deal, order): the stage becomes at least `atLeast`. */
export type AdvanceLifecycleStage = Command<
  'AdvanceLifecycleStage',
  { atLeast: StageImpliedByFact }
>;

export type ContactCommand =
  | RegisterContact
  | UpdateContact
  | AddContactEmail
  | RemoveContactEmail
  | AddContactPhone
  | RemoveContactPhone
  | AddContactAddress
  | RemoveContactAddress
  | TagContact
  | UntagContact
  | SetContactCustomFields
  | ArchiveContact
  | RestoreContact
  | AbsorbDuplicate
  | MarkContactMerged
  | EraseContact
  | AdvanceLifecycleStage;
