import type { FastifyInstance } from 'fastify';

/** The media type of a JSON Merge Patch (RFC 7396): what every PATCH body here means. */
export const MERGE_PATCH_JSON = 'application/merge-patch+json';

/** PATCH bodies may say so: parsed exactly like `application/json` (same limits, same checks). */
export function acceptMergePatchJson(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(MERGE_PATCH_JSON)) return;
  fastify.addContentTypeParser(
    MERGE_PATCH_JSON,
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
}
