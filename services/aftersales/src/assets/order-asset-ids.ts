/**
 * The asset id of unit `unit` (1-based) of an order line: a name-based UUID (v5 layout over
 * SHA-1) of tenant, order, line and unit, so a redelivered fulfilment names the same assets and
 * the decider refuses to register them twice.
 */
import { createHash } from 'node:crypto';

export function orderUnitAssetId(
  tenant: string,
  orderId: string,
  lineKey: string,
  unit: number,
): string {
  const hash = createHash('sha1')
    .update(JSON.stringify(['aftersales.asset', tenant, orderId, lineKey, unit]))
    .digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
