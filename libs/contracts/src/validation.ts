/**
 * Payload validation with ajv. Two views of every schema: the published (open) one, used by
 * consumers so a newer producer's extra optional fields never fail them, and a closed one used by
 * the relay so a mapping that sends undeclared fields (personal data leaking) fails at the source.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { integrationEvent } from './catalog';
import { closed } from './json-schema';

export type ValidationMode = 'published' | 'strict';

export interface PayloadProblem {
  /** JSON pointer into the payload (`/lines/0/quantity`), empty for the root. */
  readonly path: string;
  readonly message: string;
}

export class IntegrationEventValidationError extends Error {
  constructor(
    readonly type: string,
    readonly problems: readonly PayloadProblem[],
  ) {
    super(
      `${type} payload does not match its schema: ${problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`,
    );
    this.name = 'IntegrationEventValidationError';
  }
}

const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
const cache = new Map<string, ValidateFunction>();

function validatorFor(type: string, mode: ValidationMode): ValidateFunction {
  const key = `${mode}:${type}`;
  let validate = cache.get(key);
  if (!validate) {
    const { schema } = integrationEvent(type);
    const compiled =
      mode === 'strict' ? { ...closed(schema), $id: `${schema.$id}#strict` } : schema;
    validate = ajv.compile(compiled);
    cache.set(key, validate);
  }
  return validate;
}

export function validatePayload(
  type: string,
  data: unknown,
  mode: ValidationMode = 'published',
): PayloadProblem[] {
  const validate = validatorFor(type, mode);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(toProblem);
}

export function assertValidPayload(
  type: string,
  data: unknown,
  mode: ValidationMode = 'published',
): void {
  const problems = validatePayload(type, data, mode);
  if (problems.length) throw new IntegrationEventValidationError(type, problems);
}

function toProblem(error: ErrorObject): PayloadProblem {
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`
      : '';
  return { path: error.instancePath, message: `${error.message ?? error.keyword}${extra}` };
}
