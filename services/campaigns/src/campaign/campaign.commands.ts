/**
 * What marketers (and, later, the sender) ask of a campaign. Definitions arrive as untrusted
 * JSON: the decider validates them (campaign-definition.ts). `at` is the service clock's now.
 */
export type CreateCampaign = {
  type: 'CreateCampaign';
  data: { campaignId: string; definition: unknown };
};
/** JSON merge patch (RFC 7396) of a draft's definition: null removes, objects merge. */
export type EditCampaign = { type: 'EditCampaign'; data: { patch: unknown } };
/** `sendAt` required for a broadcast; for the others it defaults to now. Never in the past. */
export type ScheduleCampaign = { type: 'ScheduleCampaign'; data: { sendAt?: unknown; at: string } };
export type LaunchCampaign = { type: 'LaunchCampaign'; data: { at: string } };
export type PauseCampaign = { type: 'PauseCampaign'; data: { at: string } };
export type ResumeCampaign = { type: 'ResumeCampaign'; data: { at: string } };
export type CancelCampaign = { type: 'CancelCampaign'; data: { at: string } };
/** The sender, once the test share's results are in (decideAbTest's outcome). */
export type ConcludeAbTest = {
  type: 'ConcludeAbTest';
  data: { winner: string | null; pValue: number | null; at: string };
};
/** The sender, when a broadcast has reached everyone (triggered and recurring run until cancelled). */
export type CompleteCampaign = { type: 'CompleteCampaign'; data: { at: string } };

export type CampaignCommand =
  | CreateCampaign
  | EditCampaign
  | ScheduleCampaign
  | LaunchCampaign
  | PauseCampaign
  | ResumeCampaign
  | CancelCampaign
  | ConcludeAbTest
  | CompleteCampaign;
