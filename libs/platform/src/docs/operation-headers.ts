/**
 * The HTTP headers the platform honours, declared on the operations where it honours them, so a
 * generated client can send and read them:
 * - `If-Match` where the handler reads it (`@Caller()` unless `{ ifMatch: false }`, `@IfMatch()`);
 * - `Idempotency-Key` on every authenticated POST (the global IdempotencyInterceptor), answered
 *   with `Idempotent-Replayed` on a replay;
 * - `ETag` on a success answering a resource (a schema with `version`: the command answers and the
 *   single reads), `Location` when that answer is a 201; such GETs take `If-None-Match` (304).
 * - a command answering a resource may answer only `{ id, version }` while the read models lag
 *   (`Read-Your-Writes: pending|stale`, CommandAnswer): its schema says so (anyOf), so a typed
 *   client handles that answer instead of reading members that are not there.
 * A declared `authorization` header parameter is dropped: auth is the bearer security scheme.
 */
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { callerOfRequest, type CallerOptions } from '../auth/decorators';
import { ifMatchOfRequest } from '../http/etag';
import { eachOperation } from './each-operation';
import type { RouteHandler } from './route-handlers';

const ref = (kind: 'parameters' | 'headers', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

const PARAMETERS = {
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The ETag of the version this change is based on; a stale one answers 412 and writes nothing',
    schema: { type: 'string', example: '"3"' },
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The ETag the client holds; 304 without a body while it is current',
    schema: { type: 'string', example: '"3"' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the same key and body replays the stored answer, another body is 422',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  },
} as const;

const HEADERS = {
  ETag: {
    description: 'The version of the resource answered, to send back as If-Match',
    schema: { type: 'string', example: '"3"' },
  },
  Location: {
    description: 'The URL of the resource created',
    schema: { type: 'string' },
  },
  IdempotentReplayed: {
    description: '`true` when this is the stored answer to an earlier request with the same key',
    schema: { type: 'string', enum: ['true'] },
  },
  ReadYourWrites: {
    description:
      'Set when the read models do not show the write yet: the body is then only `{ id, version }`',
    schema: { type: 'string', enum: ['pending', 'stale'] },
  },
} as const;

/** The answer of a command while the read models lag the write (CommandAnswer). */
const RESOURCE_VERSION: SchemaObject = {
  type: 'object',
  description: 'The resource written, while its read model does not show the write yet',
  required: ['id', 'version'],
  // Exactly these two: a full view must then match the view's own schema, never this one.
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    version: { type: 'integer', description: 'Stream version; also sent as ETag' },
  },
};

export function describeOperationHeaders(
  document: OpenAPIObject,
  handlers: ReadonlyMap<string, RouteHandler>,
): OpenAPIObject {
  const components = (document.components ??= {});
  Object.assign((components.parameters ??= {}), PARAMETERS);
  Object.assign((components.headers ??= {}), HEADERS);
  (components.schemas ??= {}).ResourceVersion = RESOURCE_VERSION;
  for (const { method, operation } of eachOperation(document)) {
    operation.parameters = (operation.parameters ?? []).filter(
      (p) => !('in' in p && p.in === 'header' && p.name.toLowerCase() === 'authorization'),
    );
    const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
    const parameters = operation.parameters;
    if (route && readsIfMatch(route)) parameters.push(ref('parameters', 'IfMatch'));
    const authenticated = !Array.isArray(operation.security) || operation.security.length > 0;
    if (method === 'post' && authenticated) parameters.push(ref('parameters', 'IdempotencyKey'));

    for (const [status, response] of successes(operation)) {
      const headers: Record<string, ReferenceObject> = {};
      if (answersResource(document, response)) {
        headers.ETag = ref('headers', 'ETag');
        if (method !== 'get') {
          headers['Read-Your-Writes'] = ref('headers', 'ReadYourWrites');
          const json = response.content!['application/json']!;
          json.schema = { anyOf: [json.schema!, { $ref: '#/components/schemas/ResourceVersion' }] };
        }
        if (status === '201') headers.Location = ref('headers', 'Location');
        if (method === 'get' && !operation.responses['304']) {
          parameters.push(ref('parameters', 'IfNoneMatch'));
          operation.responses['304'] = {
            description: 'Not modified: the If-None-Match tag is current',
            headers: { ETag: ref('headers', 'ETag') },
          };
        }
      }
      if (method === 'post' && authenticated) {
        headers['Idempotent-Replayed'] = ref('headers', 'IdempotentReplayed');
      }
      if (Object.keys(headers).length) response.headers = { ...response.headers, ...headers };
    }
    if (parameters.length === 0) delete operation.parameters;
  }
  dropUnreferenced(document);
  return document;
}

/** A service without commands (analytics) references none of them: an unused component fails the lint. */
function dropUnreferenced(document: OpenAPIObject): void {
  const text = JSON.stringify(document.paths);
  const components = document.components!;
  const shared = [
    ['parameters', Object.keys(PARAMETERS)],
    ['headers', Object.keys(HEADERS)],
    ['schemas', ['ResourceVersion']],
  ] as const;
  for (const [kind, names] of shared) {
    const section = components[kind] as Record<string, unknown>;
    for (const name of names)
      if (!text.includes(`"#/components/${kind}/${name}"`)) delete section[name];
  }
}

function successes(operation: OperationObject): [string, ResponseObject][] {
  return Object.entries(operation.responses).filter(
    (entry): entry is [string, ResponseObject] =>
      entry[0].startsWith('2') && entry[1] !== undefined && !('$ref' in entry[1]),
  );
}

interface RouteArgument {
  readonly factory?: unknown;
  readonly data?: unknown;
}

/** The handler takes a parameter whose factory reads If-Match. */
function readsIfMatch(route: RouteHandler): boolean {
  const args: Record<string, RouteArgument> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.methodKey) ?? {};
  return Object.values(args).some(
    ({ factory, data }) =>
      factory === ifMatchOfRequest ||
      (factory === callerOfRequest && (data as CallerOptions | undefined)?.ifMatch !== false),
  );
}

/** The JSON body is a component schema with a `version`: a resource, answered with its ETag. */
function answersResource(document: OpenAPIObject, response: ResponseObject): boolean {
  const schema = response.content?.['application/json']?.schema;
  if (!schema || !('$ref' in schema)) return false;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const component = document.components?.schemas?.[name] as SchemaObject | undefined;
  return Boolean(component?.properties && 'version' in component.properties);
}
