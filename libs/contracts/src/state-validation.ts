/**
 * Validation of state-topic values. Strict (closed) like the relay's check of event payloads: a
 * state source that puts an undeclared field in a value (personal data the contract does not
 * name) fails at the source, before anything is published.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { closed } from './json-schema';
import type { StateTopicDefinition } from './state-topic';
import type { PayloadProblem, ValidationMode } from './validation';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
const cache = new Map<string, ValidateFunction>();

/**
 * Problems of a non-tombstone value of `definition`'s state topic ([] = valid). `strict` (the
 * publisher) refuses undeclared members; `published` (consumers) accepts them, so a newer
 * producer's added optional members never fail an older consumer.
 */
export function validateStateValue(
  definition: StateTopicDefinition,
  value: unknown,
  mode: ValidationMode = 'strict',
): PayloadProblem[] {
  const id = String(definition.schema.$id ?? definition.type);
  const key = `${mode}:${id}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(
      mode === 'strict' ? { ...closed(definition.schema), $id: `${id}#strict` } : definition.schema,
    );
    cache.set(key, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({
    path: error.instancePath,
    message:
      error.keyword === 'additionalProperties'
        ? `${error.message} (${String((error.params as { additionalProperty: string }).additionalProperty)})`
        : (error.message ?? error.keyword),
  }));
}
