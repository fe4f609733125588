/** A lead's conversion process as GET /leads/{id}/conversion shows it. */
import type { ProcessRecord } from '@crm/platform';
import type { ConversionInput } from './lead-conversion';
import type { LeadConversionDto } from './lead.dto';

export function toConversionDto(record: ProcessRecord<ConversionInput>): LeadConversionDto {
  const { plan } = record.input;
  return {
    id: record.id,
    leadId: record.input.leadId,
    attempt: record.input.attempt,
    status: record.status,
    stepsDone: [...record.stepsDone],
    compensated: [...record.compensated],
    attempts: record.attempts,
    ...(record.lastError ? { lastError: record.lastError } : {}),
    ...(record.refusal ? { refusal: { ...record.refusal } } : {}),
    contactId: plan.contactId,
    ...(plan.companyId ? { companyId: plan.companyId } : {}),
    opportunityId: plan.opportunityId,
    nextAttemptAt: record.nextAttemptAt.toISOString(),
    startedAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
