/**
 * How conversion creates the contact and company in the contacts service: through its REST API
 * (POST /contacts, POST /companies), with the converting user's own token, so the contacts
 * service applies its own rules, roles and tenancy. Configured by CONTACTS_URL; without it, the
 * conversion only mints ids and the contacts service learns of it from lead.converted.
 */
import { ProblemException } from '@crm/platform';
import type { LeadProfile } from './lead.events';
import { LeadErrors } from './lead.errors';

export const CONTACTS_GATEWAY = Symbol('SALES_CONTACTS_GATEWAY');

export interface ContactsGateway {
  createCompany(name: string, authorization: string): Promise<string>;
  createContact(
    profile: LeadProfile,
    link: { companyId?: string; ownerId?: string },
    authorization: string,
  ): Promise<string>;
}

export function splitName(name: string): { given?: string; family?: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { given: parts[0] };
  return { given: parts.slice(0, -1).join(' '), family: parts.at(-1) };
}

export class HttpContactsGateway implements ContactsGateway {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  createCompany(name: string, authorization: string): Promise<string> {
    return this.post('/companies', { name }, authorization);
  }

  createContact(
    profile: LeadProfile,
    link: { companyId?: string; ownerId?: string },
    authorization: string,
  ): Promise<string> {
    return this.post(
      '/contacts',
      {
        name: splitName(profile.name),
        ...(profile.email ? { emails: [{ address: profile.email }] } : {}),
        ...(profile.phone ? { phones: [{ number: profile.phone }] } : {}),
        ...(link.companyId ? { companyId: link.companyId } : {}),
        ...(link.ownerId ? { ownerId: link.ownerId } : {}),
      },
      authorization,
    );
  }

  private async post(path: string, body: object, authorization: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw ProblemException.of(
        502,
        'ContactsServiceUnavailable',
        `The contacts service did not answer: ${(error as Error).message}`,
      );
    }
    const payload = (await response.json().catch(() => ({}))) as {
      id?: string;
      detail?: string;
      title?: string;
    };
    if (response.ok && typeof payload.id === 'string') return payload.id;
    if (response.status >= 400 && response.status < 500) {
      // The contacts service refused the data (e.g. an email it considers invalid): the client can fix it.
      throw LeadErrors.contactCreationRefused(
        path,
        payload.detail ?? payload.title ?? response.status,
        response.status,
      );
    }
    throw ProblemException.of(
      502,
      'ContactsServiceUnavailable',
      `The contacts service answered ${response.status} to ${path}`,
    );
  }
}
