import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, statusTitle } from '../errors/problem';
import type { PlatformModuleOptions } from '../platform-options';
import { FieldErrorSchema, ProblemDetailsSchema } from './problem-details.schema';

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
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Every operation needs a token except the platform's own (excluded from the document).
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsSchema, FieldErrorSchema],
  });
  return describeCommonProblems(document);
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
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      const statuses = [401, 403, 500, ...(operation.requestBody ? [400] : [])];
      for (const status of statuses) operation.responses[status] ??= problem(status);
    }
  }
  return document;
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function setupOpenApi(app: INestApplication, options: PlatformModuleOptions): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return document;
}
