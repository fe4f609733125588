/**
 * The one error every parser of this lib throws. It IS a DomainError of kind 'invalid' (422), with
 * the offending `field` in its details, so a decider needs no translation and the HTTP edge names
 * the field in problem+json without knowing the rule.
 */
import { DomainError } from '@crm/event-sourcing';

/** The codes this lib's parsers use; they are public problem types, so they never change. */
export const VALUE_ERROR_CODES = [
  'InvalidEmail',
  'InvalidPhone',
  'InvalidTimeZone',
  'RequiredText',
  'TextTooLong',
  'NotAllowedValue',
  'InvalidCurrency',
  'InvalidAmount',
  'InvalidRate',
  'InvalidInstant',
  'InvalidDate',
  'InvalidCountry',
] as const;
export type ValueErrorCode = (typeof VALUE_ERROR_CODES)[number];

export class InvalidValue extends DomainError {
  constructor(
    code: ValueErrorCode,
    /** JSON path into the input (`emails[1].address`), as the client sent it. */
    readonly field: string,
    message: string,
  ) {
    super(code, message, 'invalid', { field });
  }
}

/** A string that only a parser of this lib hands out (`Email`, `PhoneNumber`, ...). */
export type Brand<T, B extends string> = T & { readonly __brand: B };
