/**
 * The one error every parser of this lib throws. It IS a DomainError of kind 'invalid' (422), with
 * the offending `field` in its details, so a decider needs no translation and the HTTP edge names
 * the field in problem+json without knowing the rule.
 */
import { DomainError } from '@crm/event-sourcing';

/** The codes this lib's parsers use; they are public problem types, so they never change. */
export type ValueErrorCode =
  | 'InvalidEmail'
  | 'InvalidPhone'
  | 'InvalidTimeZone'
  | 'RequiredText'
  | 'TextTooLong'
  | 'NotAllowedValue'
  | 'InvalidCurrency'
  | 'InvalidAmount'
  | 'InvalidRate'
  | 'InvalidInstant'
  | 'InvalidDate';

export class InvalidValue extends DomainError {
  constructor(
    code: ValueErrorCode | (string & {}),
    /** JSON path into the input (`emails[1].address`), as the client sent it. */
    readonly field: string,
    message: string,
  ) {
    super(code, message, 'invalid', { field });
  }
}

/** A field-level rule violation of the caller's own (`TooManyEntries`, ...), same shape and status. */
export function invalidField(field: string, code: string, message: string): InvalidValue {
  return new InvalidValue(code, field, message);
}

/** For rules that are a single condition: `requireValid(a < b, 'Code', 'field', 'why')`. */
export function requireValid(ok: boolean, code: string, field: string, message: string): void {
  if (!ok) throw new InvalidValue(code, field, message);
}

/** A string that only a parser of this lib hands out (`Email`, `PhoneNumber`, ...). */
export type Brand<T, B extends string> = T & { readonly __brand: B };
