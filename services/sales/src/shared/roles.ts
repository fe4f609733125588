/**
 * Who may call what in sales: the one place the sales controllers take their role lists from
 * (the matrix is in README.md, "Access"). `customer` is in none of them: customers reach only
 * the /me touchpoints (contacts: their profile; sales: cpq/customer-configurator.controller.ts).
 */
import type { Role } from '@crm/platform';

/** Roles that work the sales pipeline: leads, deals, quotes, activities. */
export const SELLERS = ['admin', 'sales-manager', 'sales-rep'] as const satisfies readonly Role[];
/** Shape the sales process: pipelines, the product catalogue, price books, deal owners. */
export const MANAGERS = ['admin', 'sales-manager'] as const satisfies readonly Role[];
/** Bring leads in (campaigns, forms, imports) besides the sellers. */
export const LEAD_SOURCES = [
  ...SELLERS,
  'marketer',
  'integrator',
] as const satisfies readonly Role[];
/** Sellers plus the shop/ERP/e-signature integration: order writes, a quote's acceptance. */
export const SELLERS_AND_INTEGRATIONS = [
  ...SELLERS,
  'integrator',
] as const satisfies readonly Role[];
/** Every employee role reads sales records; writes are narrower. */
export const READERS = [
  ...SELLERS,
  'marketer',
  'analyst',
  'integrator',
] as const satisfies readonly Role[];
/** Revenue forecasts: the sellers and the analysts, not marketing or integrations. */
export const FORECAST_READERS = [...SELLERS, 'analyst'] as const satisfies readonly Role[];
