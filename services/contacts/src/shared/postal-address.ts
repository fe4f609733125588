import { parseCountryCode, parseOptionalText, parseText } from '@crm/values';
import { compact } from './compact';
import { AddressErrors } from './postal-address.errors';

export interface PostalAddress {
  /** Stable id so a sub-resource URL can name one address (`/addresses/{addressId}`). */
  readonly addressId: string;
  readonly label?: string;
  readonly primary: boolean;
  readonly lines: readonly string[];
  readonly city: string;
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

export type PostalAddressInput = Omit<PostalAddress, 'primary'> & { readonly primary?: boolean };

export function parsePostalAddress(raw: PostalAddressInput, field: string): PostalAddress {
  if (!Array.isArray(raw.lines) || raw.lines.length === 0 || raw.lines.length > 4) {
    throw AddressErrors.invalidAddressLines(field);
  }
  return compact({
    addressId: parseText(raw.addressId, `${field}.addressId`, 64),
    label: parseOptionalText(raw.label, `${field}.label`, 40),
    primary: raw.primary ?? false,
    lines: raw.lines.map((line, i) => parseText(line, `${field}.lines[${i}]`, 120)),
    city: parseText(raw.city, `${field}.city`, 80),
    region: parseOptionalText(raw.region, `${field}.region`, 80),
    postalCode: parseOptionalText(raw.postalCode, `${field}.postalCode`, 16),
    country: parseCountryCode(raw.country, `${field}.country`),
  });
}
