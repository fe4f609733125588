/**
 * A rule of the domain said no. Deciders throw these; the HTTP edge maps `kind` to a status and
 * `code` to a problem type, so no domain code ever knows about HTTP.
 */
export type DomainErrorKind =
  | 'invalid' // 422: the command breaks a business rule
  | 'not-found' // 404
  | 'conflict' // 409: the state does not allow it (already merged, converted twice, ...)
  | 'precondition-failed' // 412: the client's If-Match no longer matches
  | 'forbidden' // 403: allowed role, but not for this record or amount
  | 'gone'; // 410: erased

export class DomainError extends Error {
  constructor(
    /** PascalCase name of the rule, e.g. `ContactAlreadyMerged`; becomes the problem type. */
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    /** Extra machine-readable facts for the client (never personal data). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = code;
  }
}
