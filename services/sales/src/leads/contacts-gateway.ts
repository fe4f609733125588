/**
 * How conversion creates the contact and company in the contacts service: through its REST API,
 * `PUT /companies/{id}` and `PUT /contacts/{id}` (create-if-absent under the conversion's
 * deterministic ids), so the contacts service applies its own rules, roles and tenancy, and a
 * retried step answers the record the first try created instead of making a second one. Each
 * call carries the step's Idempotency-Key. Configured by CONTACTS_URL; without it, the
 * conversion only records ids and the contacts service learns of them from lead.converted.
 *
 * What an answer means to the conversion process: 2xx (and 308 merged, 410 erased: the id names a
 * record already) is done; a 4xx the data or the caller's rights cause is a refusal
 * (ContactCreationRefused: the conversion is undone); anything else (no answer, 5xx, 401 with an
 * expired token, 409/429) is transient: the process stays pending and is retried.
 */
import { ProblemException } from '@crm/platform';
import type { LeadProfile } from './lead.events';
import { LeadErrors } from './lead.errors';

export const CONTACTS_GATEWAY = Symbol('SALES_CONTACTS_GATEWAY');

/** One call of one process step: whose credentials, and the step's Idempotency-Key. */
export interface ContactsCall {
  readonly authorization?: string;
  readonly idempotencyKey: string;
}

export interface ContactsGateway {
  createCompany(companyId: string, name: string, call: ContactsCall): Promise<void>;
  createContact(
    contactId: string,
    profile: LeadProfile,
    link: { companyId?: string; ownerId?: string },
    call: ContactsCall,
  ): Promise<void>;
  /** Undo of a create: archive (DELETE); one that is not there or archived already is done. */
  archiveCompany(companyId: string, call: ContactsCall): Promise<void>;
  archiveContact(contactId: string, call: ContactsCall): Promise<void>;
}

export function splitName(name: string): { given?: string; family?: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { given: parts[0] };
  return { given: parts.slice(0, -1).join(' '), family: parts.at(-1) };
}

/** Statuses after which asking again may succeed: not a refusal of the data. */
const TRANSIENT = new Set([401, 408, 409, 425, 429]);

export class HttpContactsGateway implements ContactsGateway {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  createCompany(companyId: string, name: string, call: ContactsCall): Promise<void> {
    return this.send('PUT', `/companies/${companyId}`, { name }, call, [308, 410]);
  }

  createContact(
    contactId: string,
    profile: LeadProfile,
    link: { companyId?: string; ownerId?: string },
    call: ContactsCall,
  ): Promise<void> {
    return this.send(
      'PUT',
      `/contacts/${contactId}`,
      {
        name: splitName(profile.name),
        ...(profile.email ? { emails: [{ address: profile.email }] } : {}),
        ...(profile.phone ? { phones: [{ number: profile.phone }] } : {}),
        ...(link.companyId ? { companyId: link.companyId } : {}),
        ...(link.ownerId ? { ownerId: link.ownerId } : {}),
      },
      call,
      [308, 410],
    );
  }

  archiveCompany(companyId: string, call: ContactsCall): Promise<void> {
    return this.send('DELETE', `/companies/${companyId}`, undefined, call, [404, 409, 410]);
  }

  archiveContact(contactId: string, call: ContactsCall): Promise<void> {
    return this.send('DELETE', `/contacts/${contactId}`, undefined, call, [308, 404, 409, 410]);
  }

  private async send(
    method: 'PUT' | 'DELETE',
    path: string,
    body: object | undefined,
    call: ContactsCall,
    alsoDone: readonly number[],
  ): Promise<void> {
    if (!call.authorization) {
      // The background resumer has no token to act with (production tokens come from the
      // identity provider): the conversion waits, visibly pending, for the client's retry.
      throw ProblemException.of(
        503,
        'ContactsCredentialsMissing',
        `No credentials to call ${method} ${path}; a retry of the conversion resumes it`,
      );
    }
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          authorization: call.authorization,
          'idempotency-key': call.idempotencyKey,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        // 308 is the contacts service's answer for a merged record: done, not to be followed.
        redirect: 'manual',
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
      detail?: string;
      title?: string;
    };
    if (response.ok || alsoDone.includes(response.status)) return;
    if (response.status >= 400 && response.status < 500 && !TRANSIENT.has(response.status)) {
      // The contacts service refused the data or the caller (e.g. an email it considers invalid).
      throw LeadErrors.contactCreationRefused(
        path,
        payload.detail ?? payload.title ?? response.status,
        response.status,
      );
    }
    throw ProblemException.of(
      502,
      'ContactsServiceUnavailable',
      `The contacts service answered ${response.status} to ${method} ${path}`,
    );
  }
}
