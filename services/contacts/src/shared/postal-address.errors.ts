/** Contacts and companies both hold postal addresses by id: one code each, whoever the owner. */
import { defineErrors } from '@crm/event-sourcing';

export const AddressErrors = defineErrors('address', {
  AddressAlreadyPresent: { kind: 'conflict', message: () => 'An address with this id exists' },
  AddressNotFound: {
    kind: 'not-found',
    message: (owner: 'contact' | 'company') => `The ${owner} has no such address`,
  },
});
