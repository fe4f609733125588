import type { INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, statusTitle } from '../errors/problem';
import type { PlatformModuleOptions } from '../platform-options';
import { describeOperationAccess } from './operation-access';
import { describeOperationHeaders } from './operation-headers';
import { FieldErrorSchema, ProblemDetailsSchema } from './problem-details.schema';
import { eachOperation } from './each-operation';
import { operationIdOf, routeHandlers, type RouteHandler } from './route-handlers';

export const DOCS_PATH = 'docs';
export const BEARER_SCHEME = 'bearer';

export function createOpenApiDocument(
  app: INestApplication,
  options: PlatformModuleOptions,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.serviceName)
    .setDescription(options.description ?? `${options.serviceName} service of the CRM`)
    .setVersion(options.version ?? '1.0.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // Relative: the document is served by the service it describes, on whatever host that is.
    .addServer('/', 'the service serving this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Every operation needs a token except the platform's own (excluded from the document).
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsSchema, FieldErrorSchema],
    // The ids route-handlers maps back to the controller methods (Nest's default, made explicit).
    operationIdFactory: operationIdOf,
  });
  const handlers = routeHandlers(app);
  describeMissingSuccess(document, handlers);
  return describeOperationHeaders(
    describeOperationAccess(describeCommonProblems(document), handlers),
    handlers,
  );
}

/**
 * Swagger documents the route's success only when no response is declared; one that declares
 * only its problems (`@HttpCode(204)` and `@ApiProblems`) gets its @HttpCode status back here.
 */
export function describeMissingSuccess(
  document: OpenAPIObject,
  handlers: ReadonlyMap<string, RouteHandler>,
): OpenAPIObject {
  for (const { method, operation } of eachOperation(document)) {
    if (Object.keys(operation.responses).some((status) => status.startsWith('2'))) continue;
    const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
    const declared: number | undefined =
      route && Reflect.getMetadata(HTTP_CODE_METADATA, route.handler);
    const status = declared ?? (method === 'post' ? 201 : 200);
    operation.responses[status] = { description: statusTitle(status) };
  }
  return document;
}

/**
 * Responses every operation can give whether or not its controller says so: the guard's 401/403,
 * 400 for a body that fails validation, 500. Explicit @ApiProblems entries win.
 */
export function describeCommonProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = (status: number) => ({
    description: statusTitle(status),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
  });
  for (const { operation } of eachOperation(document)) {
    const statuses = [401, 403, 500, ...(operation.requestBody ? [400] : [])];
    for (const status of statuses) operation.responses[status] ??= problem(status);
  }
  return document;
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function setupOpenApi(app: INestApplication, options: PlatformModuleOptions): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return document;
}
