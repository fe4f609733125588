/**
 * A service's OpenAPI document exactly as it serves it at /docs-json, built from its app module
 * without listening: the app's providers open their database, so it runs on a scratch one.
 */
import { createScratchDatabase } from '@crm/testing';
import type { DynamicModule, Type } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createServiceApp } from '../../bootstrap';
import { createOpenApiDocument } from '../../docs/openapi';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from '../../platform-options';

export async function serviceOpenApiDocument(
  appModule: Type<unknown> | DynamicModule,
): Promise<OpenAPIObject> {
  const db = await createScratchDatabase('openapi_document');
  try {
    const app = await createServiceApp(appModule, {
      env: {
        DATABASE_URL: db.url,
        JWT_SECRET: 'openapi-document-only-0123456789abcdef',
        JWT_JWKS_URL: '',
        KAFKA_BROKERS: '',
        LOG_LEVEL: 'silent',
      },
    });
    try {
      return createOpenApiDocument(app, app.get<PlatformModuleOptions>(PLATFORM_OPTIONS));
    } finally {
      await app.close();
    }
  } finally {
    await db.release();
  }
}
