/**
 * Facts about one person, stream `contact-<contactId>`. Fields that identify the person (names,
 * emails, phones, addresses, birth date, free text) are what crypto-shredding encrypts; every
 * event names its contact in `data.contactId`, the data subject whose key encrypts them.
 */
import type { DomainEvent as BaseEvent } from '@crm/event-sourcing';
import type { CustomFieldValue } from '../custom-fields/custom-field';
import type { PostalAddress } from '../shared/postal-address';
import type {
  BestTimeToCall,
  ContactChannel,
  ContactProfile,
  Demographics,
  EmailEntry,
  LifecycleStage,
  PersonName,
  PhoneEntry,
} from './contact';

type DomainEvent<Type extends string, Data> = BaseEvent<Type, Data & { contactId: string }>;

/**
 * The lists an event changed, whole, as they are once it applied (the decider folds the event to
 * get them). Replay ignores it; it is there for the integration event to carry the new values.
 * Absent in events recorded before it existed and, being personal, after an erase.
 */
export interface ListsAfter {
  emails?: readonly EmailEntry[];
  phones?: readonly PhoneEntry[];
  addresses?: readonly PostalAddress[];
  tags?: readonly string[];
  customFields?: Readonly<Record<string, CustomFieldValue>>;
}
type WithListsAfter<Data> = Data & { after?: ListsAfter };

export type ContactRegistered = DomainEvent<
  'ContactRegistered',
  ContactProfile & {
    ownerId?: string;
    companyId?: string;
    lifecycleStage: LifecycleStage;
  }
>;
/** Only the fields that changed; `null` means the field was cleared. */
export interface ContactDetailChanges {
  name?: PersonName;
  bestTimeToCall?: BestTimeToCall | null;
  preferredChannel?: ContactChannel | null;
  demographics?: Demographics | null;
}
export type ContactDetailsChanged = DomainEvent<'ContactDetailsChanged', ContactDetailChanges>;
export type ContactOwnerAssigned = DomainEvent<'ContactOwnerAssigned', { ownerId: string | null }>;
export type ContactCompanyLinked = DomainEvent<
  'ContactCompanyLinked',
  { companyId: string | null }
>;
export type ContactLifecycleStageChanged = DomainEvent<
  'ContactLifecycleStageChanged',
  { from: LifecycleStage; to: LifecycleStage }
>;
export type ContactEmailAdded = DomainEvent<'ContactEmailAdded', WithListsAfter<EmailEntry>>;
export type ContactEmailRemoved = DomainEvent<
  'ContactEmailRemoved',
  WithListsAfter<{ address: string }>
>;
export type ContactPhoneAdded = DomainEvent<'ContactPhoneAdded', WithListsAfter<PhoneEntry>>;
export type ContactPhoneRemoved = DomainEvent<
  'ContactPhoneRemoved',
  WithListsAfter<{ number: string }>
>;
export type ContactAddressAdded = DomainEvent<'ContactAddressAdded', WithListsAfter<PostalAddress>>;
export type ContactAddressRemoved = DomainEvent<
  'ContactAddressRemoved',
  WithListsAfter<{ addressId: string }>
>;
export type ContactTagged = DomainEvent<'ContactTagged', WithListsAfter<{ tags: string[] }>>;
export type ContactUntagged = DomainEvent<'ContactUntagged', WithListsAfter<{ tag: string }>>;
export type ContactCustomFieldsChanged = DomainEvent<
  'ContactCustomFieldsChanged',
  WithListsAfter<{ set: Record<string, CustomFieldValue>; cleared: string[] }>
>;
export type ContactArchived = DomainEvent<'ContactArchived', { reason?: string }>;
export type ContactRestored = DomainEvent<'ContactRestored', object>;
/** On the survivor: what it took over from the duplicate (only what it did not have already). */
export type ContactDuplicateAbsorbed = DomainEvent<
  'ContactDuplicateAbsorbed',
  WithListsAfter<{
    duplicateId: string;
    emails: EmailEntry[];
    phones: PhoneEntry[];
    addresses: PostalAddress[];
    tags: string[];
    customFields: Record<string, CustomFieldValue>;
    filled: ContactDetailChanges & { ownerId?: string; companyId?: string };
  }>
>;
/** On the duplicate: from now on its id resolves to the survivor. */
export type ContactMerged = DomainEvent<'ContactMerged', { survivorId: string }>;
export type ContactErased = DomainEvent<'ContactErased', { erasedAt: string }>;

export type ContactEvent =
  | ContactRegistered
  | ContactDetailsChanged
  | ContactOwnerAssigned
  | ContactCompanyLinked
  | ContactLifecycleStageChanged
  | ContactEmailAdded
  | ContactEmailRemoved
  | ContactPhoneAdded
  | ContactPhoneRemoved
  | ContactAddressAdded
  | ContactAddressRemoved
  | ContactTagged
  | ContactUntagged
  | ContactCustomFieldsChanged
  | ContactArchived
  | ContactRestored
  | ContactDuplicateAbsorbed
  | ContactMerged
  | ContactErased;
