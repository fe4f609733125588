import { CompanyErrors } from './company.errors';

export const COMPANY_SIZE_BANDS = [
  '1-9',
  '10-49',
  '50-249',
  '250-999',
  '1000-4999',
  '5000-plus',
] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number];

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Web domains are matched when detecting duplicate companies and linking emails to accounts, so
 * they are stored bare: no scheme, no `www.`, no path, lower case.
 */
export function parseDomain(raw: unknown, field = 'domain'): string {
  if (typeof raw !== 'string') throw CompanyErrors.invalidDomain(field, 'not-a-string');
  const bare = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '');
  if (!HOSTNAME.test(bare)) throw CompanyErrors.invalidDomain(field, 'not-a-domain');
  return bare;
}
