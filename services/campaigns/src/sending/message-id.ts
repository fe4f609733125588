/**
 * The message id is a name-based UUID (v5) of (tenant, campaign, contact, step): the same
 * recipient of the same step always lands on the same `message-<id>` stream, so the stream's
 * no-stream append is the send ledger's unique key, across replicas and restarts.
 */
import { deterministicId } from '@crm/platform';

export function ledgerMessageId(
  tenant: string,
  campaignId: string,
  contactId: string,
  step: string,
): string {
  return deterministicId(tenant, 'campaign-message', campaignId, contactId, step);
}

/** The step of a one-off broadcast (triggered: the trigger's source event id; recurring: the date). */
export const BROADCAST_STEP = 'broadcast';
