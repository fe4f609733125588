import type { OpenAPIObject } from '@nestjs/swagger';
import { lintOpenApi } from './openapi-lint';

/** A document Redocly's recommended rules accept; each test breaks one thing in a copy. */
function document(): OpenAPIObject {
  const problem = {
    description: 'Not Found',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return {
    openapi: '3.0.0',
    info: {
      title: 't',
      version: '1',
      description: 'd',
      license: { name: 'MIT', url: 'https://x.org' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'ThingsController_get',
          summary: 'Read a thing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '404': problem,
          },
          ...{ 'x-roles': ['admin'] },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' } } },
        Problem: { type: 'object', properties: { type: { type: 'string' } } },
      },
    },
  } as OpenAPIObject;
}

const rules = async (doc: OpenAPIObject) => (await lintOpenApi(doc)).map((f) => [f.rule, f.at]);
const get = (doc: OpenAPIObject) => doc.paths['/things/{id}']!.get!;

describe('lintOpenApi', () => {
  it('accepts a document that follows the rules', async () => {
    expect(await rules(document())).toEqual([]);
  });

  it('finds a bare object (what an untyped string | null becomes)', async () => {
    const doc = document();
    Object.assign((doc.components!.schemas!.Thing as { properties: object }).properties, {
      ownerId: { type: 'object', nullable: true },
    });
    expect(await rules(doc)).toEqual([
      ['no-bare-object', '#/components/schemas/Thing/properties/ownerId'],
    ]);
  });

  it('finds an error answered as something else than problem+json', async () => {
    const doc = document();
    get(doc).responses['404'] = {
      description: 'Not Found',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    expect(await rules(doc)).toEqual([
      ['problem-json', '#/paths/~1things~1{id}/get/responses/404'],
    ]);
  });

  it('finds an authenticated operation that names no roles, not a public one', async () => {
    const doc = document();
    Reflect.deleteProperty(get(doc), 'x-roles');
    expect(await rules(doc)).toEqual([['roles-declared', '#/paths/~1things~1{id}/get']]);
    get(doc).security = [];
    expect(await rules(doc)).toEqual([]);
  });

  it("reports Redocly's recommended rules, e.g. a missing summary and a dangling $ref", async () => {
    const doc = document();
    delete get(doc).summary;
    (doc.components!.schemas!.Thing as { properties: object }).properties = {
      consent: { $ref: '#/components/schemas/ChannelConsentView' },
    };
    expect((await rules(doc)).map(([rule]) => rule).sort()).toEqual([
      'no-unresolved-refs',
      'operation-summary',
    ]);
  });
});
