import { createHash } from 'node:crypto';

/**
 * A UUID (v5 layout) derived from a name: the same input always gives the same id, so a retried
 * step (accepting a quote places "its" order) targets the same stream and stays idempotent.
 */
export function derivedId(namespace: string, name: string): string {
  const hex = createHash('sha1')
    .update(`${namespace}:${name}`)
    .digest('hex')
    .slice(0, 32)
    .split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
