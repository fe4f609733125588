import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsSchema, FieldErrorSchema],
  });
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function setupOpenApi(app: INestApplication, options: PlatformModuleOptions): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return document;
}
