/** Contacts and companies both hold postal addresses by id: one code each, whoever the owner. */
import { defineErrors } from '@crm/event-sourcing';

export const AddressErrors = defineErrors('address', {
  AddressAlreadyPresent: { kind: 'conflict', message: () => 'An address with this id exists' },
  AddressNotFound: {
    kind: 'not-found',
    message: (owner: 'contact' | 'company') => `The ${owner} has no such address`,
  },
  /** `address` is the address's own path (`addresses[0]`); the field is its lines. */
  InvalidAddressLines: {
    kind: 'invalid',
    message: (address: string) => `${address}.lines must hold 1 to 4 lines`,
    details: (address) => ({ field: `${address}.lines` }),
  },
});
