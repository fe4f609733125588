/**
 * UUID v5 (RFC 9562 5.5): the same name always gives the same id. A process manager records these
 * ids in its decision before any step runs, so a retried or resumed step creates the same record
 * (which the owning service then answers as already there) instead of a second one.
 */
import { createHash } from 'node:crypto';

/** The CRM's namespace for name-based ids (a fixed random UUID; changing it changes every id). */
export const CRM_ID_NAMESPACE = '5f0c8a53-7d3e-4b7a-9a7e-2f6d1c9b4e21';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidV5(name: string, namespace: string = CRM_ID_NAMESPACE): string {
  if (!UUID.test(namespace)) throw new Error(`uuidV5: namespace ${namespace} is not a UUID`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the record a process plays `role` in, e.g. `deterministicId(tenant, 'lead', leadId,
 * 'contact')`. Parts are joined unambiguously (a part may itself contain '/').
 */
export function deterministicId(...parts: readonly string[]): string {
  return uuidV5(JSON.stringify(parts));
}
