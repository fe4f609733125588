/**
 * Is a schema change safe for a published version? Consumers of a version must both read what a
 * newer producer sends AND re-read old messages on replay with the newer schema, so within one
 * major version a change is breaking when it:
 *   - removes a property, or stops requiring one (old consumers rely on it being there);
 *   - changes a property's type (or lets it be null), format or const;
 *   - requires a property that was not required before (old messages lack it);
 *   - removes an enum value (old messages carry it).
 * Adding optional properties and enum values is compatible; consumers must tolerate unknown enum
 * values (the README says so). Constraint keywords (maxLength, pattern, ranges) are not compared.
 */
import type { JsonSchema } from './json-schema';

export interface BreakingChange {
  /** JSON path of the offending schema location, e.g. `$.lines[].quantity`. */
  readonly path: string;
  readonly problem: string;
}

export function findBreakingChanges(
  published: JsonSchema,
  current: JsonSchema,
  path = '$',
): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const oldTypes = typesOf(published);
  const newTypes = typesOf(current);
  if (oldTypes.join('|') !== newTypes.join('|')) {
    changes.push({
      path,
      problem: `type changed from ${oldTypes.join('|') || 'any'} to ${newTypes.join('|') || 'any'}`,
    });
  }
  for (const keyword of ['format', 'const'] as const) {
    if (JSON.stringify(published[keyword]) !== JSON.stringify(current[keyword])) {
      changes.push({
        path,
        problem: `${keyword} changed from ${show(published[keyword])} to ${show(current[keyword])}`,
      });
    }
  }
  if (Array.isArray(published.enum)) {
    const allowed = new Set(Array.isArray(current.enum) ? (current.enum as unknown[]) : []);
    for (const value of published.enum as unknown[]) {
      if (Array.isArray(current.enum) && !allowed.has(value))
        changes.push({ path, problem: `enum value ${show(value)} removed` });
    }
    if (!Array.isArray(current.enum)) changes.push({ path, problem: 'enum removed' });
  }

  const oldProps = propertiesOf(published);
  const newProps = propertiesOf(current);
  for (const [name, schema] of Object.entries(oldProps)) {
    const next = newProps[name];
    if (!next) changes.push({ path: `${path}.${name}`, problem: 'property removed' });
    else changes.push(...findBreakingChanges(schema, next, `${path}.${name}`));
  }
  const oldRequired = new Set(requiredOf(published));
  const newRequired = new Set(requiredOf(current));
  for (const name of newRequired) {
    if (!oldRequired.has(name))
      changes.push({ path: `${path}.${name}`, problem: 'property became required' });
  }
  for (const name of oldRequired) {
    if (!newRequired.has(name) && name in newProps) {
      changes.push({ path: `${path}.${name}`, problem: 'property is no longer required' });
    }
  }

  if (isSchema(published.items)) {
    if (isSchema(current.items))
      changes.push(...findBreakingChanges(published.items, current.items, `${path}[]`));
    else changes.push({ path: `${path}[]`, problem: 'items schema removed' });
  }
  return changes;
}

function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (type === undefined) return [];
  return (Array.isArray(type) ? [...type] : [type]).map(String).sort();
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (isSchema(schema.properties) ? schema.properties : {}) as Record<string, JsonSchema>;
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? (schema.required as string[]) : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
