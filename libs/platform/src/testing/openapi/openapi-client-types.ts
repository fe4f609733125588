/**
 * TypeScript types of a document (openapi-typescript), for openapi-fetch clients. Formatted with
 * the repository's Prettier settings so `npm run format` never makes them drift.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

export async function openApiClientTypes(document: OpenAPIObject, file: string): Promise<string> {
  // A copy: openapi-typescript resolves references in place. A default is what the server
  // assumes when a client leaves the member out, so it must not make the member required.
  const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, {
    defaultNonNullable: false,
  });
  return formatLike(file, astToString(ast));
}

/** `source` formatted as Prettier would format `file` in this repository. */
export async function formatLike(file: string, source: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(source, { ...options, filepath: file });
}
