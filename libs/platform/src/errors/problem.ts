/**
 * RFC 9457 problem details: the one error shape every service returns.
 */
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** Dotted path of the offending input, e.g. `address.city` or `lines.0.quantity`. */
  readonly field: string;
  readonly message: string;
}

/** A problem as code builds it; the filter adds `instance` (and the request id). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface ProblemDetails extends Problem {
  readonly instance?: string;
}

/** `/problems/<kebab-case-code>`: the type URI of a named problem. */
export function problemType(code: string): string {
  return `/problems/${kebabCase(code)}`;
}

export function kebabCase(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * Thrown by platform code (and services, when a DomainError does not fit) to answer with a
 * specific problem. Goes through Nest's exception layer like any HttpException.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static of(
    status: number,
    code: string | undefined,
    detail?: string,
    extensions: Record<string, unknown> = {},
  ): ProblemException {
    return new ProblemException({
      type: code ? problemType(code) : 'about:blank',
      title: code ? titleFromCode(code) : statusTitle(status),
      status,
      ...(detail ? { detail } : {}),
      ...extensions,
    });
  }
}

/** `IdempotencyKeyReused` -> `Idempotency key reused`. */
export function titleFromCode(code: string): string {
  const words = kebabCase(code).split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
