/**
 * What a contact view needs beside the folded stream: `createdAt`, `updatedAt` (the directory
 * row's, so a contact and its list entry agree) and `companyName` (the company read model's).
 * One interceptor, so every route that answers a contact (GET, each command, merge) adds them
 * alike; routes whose answer is not a contact view (a 308's `survivorId`, lists) pass untouched.
 */
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { PG_POOL, type AuthenticatedUser } from '@crm/platform';
import type { Pool } from 'pg';
import { from, mergeMap, type Observable } from 'rxjs';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import type { ContactView } from './contact.dto';

const S = CONTACTS_SCHEMA;

interface DetailsRow {
  created_at: Date | null;
  updated_at: Date | null;
  version: number | null;
  company_name: string | null;
}

function isContactView(body: unknown): body is ContactView {
  if (typeof body !== 'object' || body === null) return false;
  const view = body as Partial<ContactView>;
  return (
    typeof view.id === 'string' && typeof view.version === 'number' && 'lifecycleStage' in view
  );
}

@Injectable()
export class ContactViewDetails implements NestInterceptor {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const tenant = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user?.tenant;
    return next
      .handle()
      .pipe(
        mergeMap((body: unknown) =>
          tenant && isContactView(body) ? from(this.withDetails(tenant, body)) : [body],
        ),
      );
  }

  private async withDetails(tenant: string, view: ContactView): Promise<ContactView> {
    const {
      rows: [row],
    } = await this.pool.query<DetailsRow>(
      `SELECT c.created_at, c.updated_at, c.version, co.name AS company_name
         FROM (VALUES (1)) AS one (x)
         LEFT JOIN ${S}.contact_list c ON c.tenant = $1 AND c.contact_id = $2
         LEFT JOIN ${S}.company_list co ON co.tenant = $1 AND co.company_id = $3`,
      [tenant, view.id, view.companyId ?? null],
    );
    return {
      ...view,
      ...(row.created_at ? { createdAt: row.created_at.toISOString() } : {}),
      // Only the row of this very version knows when it changed (read your writes makes it so;
      // a lagging read model leaves it out rather than answer an older time).
      ...(row.updated_at && row.version === view.version
        ? { updatedAt: row.updated_at.toISOString() }
        : {}),
      ...(view.companyId && row.company_name !== null ? { companyName: row.company_name } : {}),
    };
  }
}
