/**
 * How a tenant-scoped stream maps onto one EventStoreDB stream name: `<tenant>.<streamId>`,
 * e.g. `acme.contact-3f2a`. Tenant first, so "one tenant" is a stream-name prefix and "one
 * category of one tenant" is one too; ESDB's own $ce projection (text before the first '-')
 * then yields per-tenant categories like `acme.contact`. The tenant is percent-encoded for
 * '.', '-' and '%' so that neither separator can appear inside it.
 */
import type { StreamRef } from '../event-store';

export function encodeTenant(tenant: string): string {
  return tenant.replace(
    /[%.-]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export function decodeTenant(encoded: string): string {
  return encoded.replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

export function toStreamName(stream: StreamRef): string {
  if (!stream.tenant) throw new Error('A stream needs a tenant');
  return `${encodeTenant(stream.tenant)}.${stream.id}`;
}

/** The StreamRef of one of our stream names; undefined for anything else in $all (system streams, foreign streams). */
export function fromStreamName(name: string): StreamRef | undefined {
  if (name.startsWith('$')) return undefined;
  const dot = name.indexOf('.');
  if (dot <= 0 || dot === name.length - 1) return undefined;
  return { tenant: decodeTenant(name.slice(0, dot)), id: name.slice(dot + 1) };
}

/**
 * A server-side stream-name regex for a tenant and/or categories, or undefined when neither is
 * given. Event types cannot be combined with it (an ESDB filter is on names OR types), so the
 * adapter filters types client-side when both are asked for.
 */
export function streamNameRegex(
  tenant?: string,
  categories?: readonly string[],
): string | undefined {
  if (tenant === undefined && categories === undefined) return undefined;
  const tenantPart = tenant === undefined ? '[^.]+' : escapeRegex(encodeTenant(tenant));
  const categoryPart =
    categories === undefined ? '' : `(?:${categories.map(escapeRegex).join('|') || '(?!)'})(?:-|$)`;
  return `^${tenantPart}\\.${categoryPart}`;
}

export function eventTypeRegex(types: readonly string[]): string {
  return `^(?:${types.map(escapeRegex).join('|') || '(?!)'})$`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
