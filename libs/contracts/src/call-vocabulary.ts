/**
 * The words for a phone call, shared by every service that records one (contacts' interactions,
 * sales' activities), so a call means the same wherever it was logged and a client offers one
 * list of choices. Appending a word is compatible; renaming or removing one is not.
 */

/** How the call went, technically: did anyone pick up. */
export const CALL_OUTCOMES = [
  'connected',
  'no-answer',
  'busy',
  'voicemail',
  'failed',
  'wrong-number',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Why the call was made: the step of the relationship it served. */
export const CALL_PURPOSES = [
  'prospecting',
  'qualification',
  'discovery',
  'demo',
  'follow-up',
  'negotiation',
  'closing',
  'onboarding',
  'support',
  'other',
] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];
