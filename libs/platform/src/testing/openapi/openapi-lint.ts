/**
 * The checks a document must pass before clients are generated from it: Redocly's `recommended`
 * ruleset (every warning counts), plus what our clients rely on and Redocly cannot know:
 * no bare `type: object` (a union like `string | null` without an explicit type becomes one and
 * generates `Record<string, never>`), problems only as problem+json, and roles on every
 * authenticated operation.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../../errors/problem';
import { eachOperation } from '../../docs/each-operation';
import { ROLES_EXTENSION } from '../../docs/operation-access';

export interface OpenApiFinding {
  readonly rule: string;
  readonly message: string;
  /** JSON pointer into the document. */
  readonly at: string;
}

/** Rules of `recommended` switched off, each with the reason it does not apply to us. */
const DISABLED_RULES = {
  // `/contacts/{id}/archive` and `/contacts/imports/{importId}` both fit `/contacts/imports/archive`:
  // the router takes the static segment first, and contact ids are UUIDs, never `imports`.
  'no-ambiguous-paths': 'off',
  // Public documents (`/asyncapi.json`) need no token and take no input: no 4xx to answer.
  'operation-4xx-response': 'off',
} as const;

export async function lintOpenApi(document: OpenAPIObject): Promise<OpenApiFinding[]> {
  const config = await createConfig({ extends: ['recommended'], rules: DISABLED_RULES });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  });
  const redocly = problems.map((problem) => ({
    rule: problem.ruleId,
    message: problem.message,
    at: problem.location[0]?.pointer ?? '#',
  }));
  return [
    ...redocly,
    ...bareObjects(document),
    ...nonProblemErrors(document),
    ...unroled(document),
  ];
}

function bareObjects(document: OpenAPIObject): OpenApiFinding[] {
  const findings: OpenApiFinding[] = [];
  const visit = (schema: SchemaObject, at: string) => {
    const shaped = ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'];
    if (schema.type === 'object' && !shaped.some((key) => key in schema)) {
      findings.push({
        rule: 'no-bare-object',
        message: 'type object without properties or additionalProperties (a string | null?)',
        at,
      });
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      visit(property as SchemaObject, `${at}/properties/${name}`);
    }
    if (schema.items) visit(schema.items as SchemaObject, `${at}/items`);
  };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    visit(schema as SchemaObject, `#/components/schemas/${name}`);
  }
  return findings;
}

function nonProblemErrors(document: OpenAPIObject): OpenApiFinding[] {
  const findings: OpenApiFinding[] = [];
  for (const { path, method, operation } of eachOperation(document)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!/^[45]/.test(status) || !response || '$ref' in response) continue;
      const types = Object.keys(response.content ?? {});
      if (types.length !== 1 || types[0] !== PROBLEM_CONTENT_TYPE) {
        findings.push({
          rule: 'problem-json',
          message: `${status} must be ${PROBLEM_CONTENT_TYPE} only, not [${types.join(', ')}]`,
          at: `#/paths/${pointer(path)}/${method}/responses/${status}`,
        });
      }
    }
  }
  return findings;
}

function unroled(document: OpenAPIObject): OpenApiFinding[] {
  const findings: OpenApiFinding[] = [];
  for (const { path, method, operation } of eachOperation(document)) {
    const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
    const roles: unknown = Reflect.get(operation, ROLES_EXTENSION);
    if (!isPublic && !(Array.isArray(roles) && roles.length > 0)) {
      findings.push({
        rule: 'roles-declared',
        message: `${method.toUpperCase()} ${path} needs a token but names no roles`,
        at: `#/paths/${pointer(path)}/${method}`,
      });
    }
  }
  return findings;
}

const pointer = (path: string) => path.replace(/~/g, '~0').replace(/\//g, '~1');
