/**
 * Domain errors carry a `kind`, never an HTTP status: this is the one place that translates.
 */
import { DomainError, type DomainErrorKind } from '@crm/event-sourcing';
import { problemType, titleFromCode, type FieldError, type Problem } from './problem';

export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  forbidden: 403,
  gone: 410,
};

/** instanceof, or the same shape (a second copy of the lib loaded by a test runner still maps). */
export function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<DomainError>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.kind === 'string' &&
    candidate.kind in DOMAIN_ERROR_STATUS
  );
}

/**
 * A `field` in the details names the input at fault: it goes into `errors[]`, the one place
 * clients read failing fields from (as for 400 validation problems), never a top-level member.
 */
export function domainErrorProblem(error: DomainError): Problem {
  const status = DOMAIN_ERROR_STATUS[error.kind] ?? 409;
  const { field, ...details } = error.details ?? {};
  const errors: FieldError[] | undefined =
    typeof field === 'string' ? [{ field, message: error.message }] : undefined;
  return {
    // Details first so they can never overwrite the standard members.
    ...details,
    type: problemType(error.code),
    title: titleFromCode(error.code),
    status,
    detail: error.message,
    ...(errors ? { errors } : {}),
  };
}
