/**
 * How far each role may discount, per line and overall (basis points), on quotes and on orders
 * placed through the API alike. A user with several roles gets the most generous of them; a role
 * not listed (an integration, say) may not discount at all.
 */
import type { BasisPoints } from '@crm/values';
import { QuoteErrors } from './quote.errors';

export const DISCOUNT_LIMITS_BPS: Readonly<Record<string, BasisPoints>> = {
  'sales-rep': 1_000,
  'sales-manager': 2_500,
  admin: 10_000,
};

export function discountLimitFor(roles: readonly string[]): BasisPoints {
  return Math.max(0, ...roles.map((role) => DISCOUNT_LIMITS_BPS[role] ?? 0));
}

export function assertDiscountAllowed(
  discountBps: BasisPoints,
  roles: readonly string[],
  field: string,
): void {
  const limitBps = discountLimitFor(roles);
  if (discountBps > limitBps) {
    throw QuoteErrors.discountAboveRoleLimit(field, discountBps, limitBps);
  }
}
