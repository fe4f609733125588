/**
 * class-validator errors as a flat list of `{ field, message }` with dotted paths, so a client
 * can point at the exact input that failed (`lines.0.quantity`), not just the top-level DTO.
 */
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, type FieldError } from './problem';

export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      result.push({ field, message });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

export function validationProblem(errors: readonly FieldError[]): ProblemException {
  return ProblemException.of(400, 'ValidationFailed', 'The request has invalid or unknown fields', {
    errors,
  });
}

/** Unknown properties are errors (not silently dropped) so a client learns about its typo. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}
