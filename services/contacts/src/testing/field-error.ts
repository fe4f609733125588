import { DomainError } from '@crm/event-sourcing';

/** thenThrows predicate: a field-level rejection with this code naming this field. */
export function fieldError(code: string, field: string) {
  return (error: unknown): boolean =>
    error instanceof DomainError &&
    error.code === code &&
    error.kind === 'invalid' &&
    error.details?.field === field;
}
