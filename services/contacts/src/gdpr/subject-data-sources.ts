/**
 * The other services' part of a subject access request. Each one that holds personal data about
 * contacts serves `GET /subjects/{contactId}/personal-data` (sales: leads, deals, activities with
 * their notes, quotes, orders) and is asked with the requester's own token, so it applies its own
 * roles and tenancy. Configured per service (SALES_URL); one that is configured but does not
 * answer fails the export (502 naming it): a right-of-access answer is complete or not given.
 */
import { Injectable, Inject } from '@nestjs/common';
import { ProblemException } from '@crm/platform';
import { CONTACTS_CONFIG, type ContactsConfig } from '../contacts.config';

export interface SubjectDataSource {
  readonly service: string;
  readonly baseUrl: string;
}

@Injectable()
export class SubjectDataSources {
  private readonly sources: readonly SubjectDataSource[];

  constructor(@Inject(CONTACTS_CONFIG) config: ContactsConfig) {
    this.sources = config.salesUrl ? [{ service: 'sales', baseUrl: config.salesUrl }] : [];
  }

  /** Each configured service's answer, by service name. */
  async gather(contactId: string, authorization: string): Promise<Record<string, unknown>> {
    const answers = await Promise.all(
      this.sources.map(async (source) => [
        source.service,
        await ask(source, contactId, authorization),
      ]),
    );
    return Object.fromEntries(answers);
  }
}

const TIMEOUT_MS = 10_000;

async function ask(
  source: SubjectDataSource,
  contactId: string,
  authorization: string,
): Promise<unknown> {
  const unavailable = (why: string, status?: number) =>
    ProblemException.of(
      502,
      'SubjectDataSourceUnavailable',
      `The ${source.service} service did not give its part of the export: ${why}`,
      { service: source.service, ...(status ? { upstreamStatus: status } : {}) },
    );
  let response: Response;
  try {
    response = await fetch(
      new URL(`/subjects/${encodeURIComponent(contactId)}/personal-data`, source.baseUrl),
      {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
    );
  } catch (error) {
    throw unavailable((error as Error).message);
  }
  if (!response.ok) throw unavailable(`it answered ${response.status}`, response.status);
  return response.json();
}
