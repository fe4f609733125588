/** How a case reads over REST: the row, its SLA clocks now, and (detail) its messages. */
import type { CaseSlaReport } from '../sla/sla-policy';
import { caseSla } from '../sla/sla-policy';
import type { SlaSettings } from '../sla/sla-settings';
import type { CaseState } from './case.decider';

export interface CaseRow {
  case_id: string;
  contact_id: string;
  asset_id: string | null;
  channel: string;
  category: string;
  priority: string;
  status: string;
  subject: string;
  description: string | null;
  opened_at: Date;
  state: CaseState;
  version: number;
  updated_at: Date;
  breached: boolean;
}

export interface CaseMessageView {
  id: string;
  kind: 'reply' | 'note';
  author: 'agent' | 'customer';
  actorId: string;
  body: string;
  at: string;
}

export interface CaseView {
  id: string;
  version: number;
  contactId: string;
  assetId: string | null;
  channel: string;
  category: string;
  priority: string;
  status: string;
  assignee: { kind: 'user' | 'queue'; id: string } | null;
  subject: string;
  description: string | null;
  openedAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  resolution: { code: string; failure: boolean; coverage: string; billable: boolean } | null;
  satisfaction: number | null;
  reopenCount: number;
  sla: CaseSlaReport;
  /** Whether a breach was announced (crm.aftersales.case.sla_breached.v1). */
  slaBreachAnnounced: boolean;
  updatedAt: string;
  /** The asset's warranty today (detail only; null without an asset). */
  warranty?: { status: string; endsOn: string | null } | null;
  messages?: CaseMessageView[];
}

export function caseView(row: CaseRow, settings: SlaSettings, now: Date): CaseView {
  const s = row.state;
  return {
    id: row.case_id,
    version: row.version,
    contactId: row.contact_id,
    assetId: row.asset_id,
    channel: row.channel,
    category: row.category,
    priority: s.priority,
    status: s.status,
    assignee: s.assignee ? { kind: s.assignee.kind, id: s.assignee.id } : null,
    subject: row.subject,
    description: row.description,
    openedAt: row.opened_at.toISOString(),
    firstRespondedAt: s.firstRespondedAt ?? null,
    resolvedAt: s.resolvedAt ?? null,
    resolution: s.resolution
      ? {
          code: s.resolution.code,
          failure: s.resolution.failure,
          coverage: s.resolution.coverage,
          billable: s.resolution.billable,
        }
      : null,
    satisfaction: s.satisfaction ?? null,
    reopenCount: s.reopenCount,
    sla: caseSla(s, settings.policy, settings.calendar, now.toISOString()),
    slaBreachAnnounced: row.breached,
    updatedAt: row.updated_at.toISOString(),
  };
}
