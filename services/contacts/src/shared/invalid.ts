import { DomainError } from '@crm/event-sourcing';

/**
 * A field-level rule violation. `field` is a JSON path into the command (`emails[1].address`), so
 * the HTTP edge can name the offending field in problem+json without knowing the rule.
 */
export function invalidField(field: string, code: string, message: string): DomainError {
  return new DomainError(code, message, 'invalid', { field });
}
