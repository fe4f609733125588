/**
 * A typed openapi-fetch client for e2e tests that goes through the test app's own request
 * function (fastify inject, the test caller's token) and holds every answer to the document:
 * a status the operation does not list, a content type it does not declare, or a JSON body its
 * schema refuses fails the call. So a wrong schema breaks the build twice: at compile time
 * (the generated types) and at run time (the answers).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import createClient, { type Client, type Middleware } from 'openapi-fetch';

export interface InjectedRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface InjectedResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
}

/** What a service's test app does with a request: usually its `call` / `request`. */
export type SendRequest = (request: InjectedRequest) => Promise<InjectedResponse>;

interface DocumentLike {
  readonly paths: Record<string, Record<string, OperationLike | undefined>>;
}
interface OperationLike {
  readonly responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

// Where the document is registered in Ajv, so response schemas resolve its component $refs.
const DOCUMENT_ID = 'openapi.json';

export function openApiTestClient<Paths extends object>(
  send: SendRequest,
  /** The committed document the Paths types were generated from (its JSON, imported). */
  document: object,
): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl: 'http://service.test',
    fetch: (request) => sendFetchRequest(send, request),
  });
  client.use(answersAsDocumented(document as DocumentLike));
  return client;
}

async function sendFetchRequest(send: SendRequest, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body ? await request.text() : undefined;
  const answer = await send({
    method: request.method as InjectedRequest['method'],
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers.entries()),
    ...(body !== undefined ? { body } : {}),
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined)
      headers.set(name, Array.isArray(value) ? value.join(', ') : `${value}`);
  }
  const bodiless = [204, 304].includes(answer.statusCode);
  return new Response(bodiless ? null : answer.body, { status: answer.statusCode, headers });
}

function answersAsDocumented(document: DocumentLike): Middleware {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    if (!validators.has(pointer)) {
      validators.set(pointer, ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` }));
    }
    return validators.get(pointer)!;
  };
  return {
    async onResponse({ request, response, schemaPath }) {
      const method = request.method.toLowerCase();
      const where = `${request.method} ${schemaPath} answered ${response.status}`;
      const responses = document.paths[schemaPath]?.[method]?.responses;
      if (!responses) throw new Error(`${request.method} ${schemaPath} is not in the document`);
      const status = responses[String(response.status)] ? String(response.status) : 'default';
      const documented = responses[status];
      if (!documented) throw new Error(`${where}, which the document does not list`);
      const text = await response.clone().text();
      if (!text) return undefined;
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (!documented.content?.[type]) {
        const declared = Object.keys(documented.content ?? {}).join(', ') || 'no body';
        throw new Error(`${where} with ${type}; the document declares ${declared}`);
      }
      if (!type.endsWith('json') || !documented.content[type].schema) return undefined;
      const pointer = ['paths', schemaPath, method, 'responses', status, 'content', type, 'schema']
        .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/');
      const validate = validatorAt(`/${pointer}`);
      if (!validate(JSON.parse(text))) {
        throw new Error(
          `${where} with a body its schema refuses: ${ajv.errorsText(validate.errors)}`,
        );
      }
      return undefined;
    },
  };
}
