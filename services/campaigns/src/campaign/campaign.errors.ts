/** Every way a command on a campaign can be refused. */
import { defineErrors } from '@crm/event-sourcing';
import type { CampaignStatus } from './campaign.events';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export const CampaignErrors = defineErrors('campaign', {
  CampaignNotFound: { kind: 'not-found', message: () => 'No such campaign' },
  CampaignAlreadyExists: {
    kind: 'conflict',
    message: (campaignId: string) => `Campaign ${campaignId} already exists`,
  },
  /** Each problem in `errors[]` names its field (`variants[1].sharePercent`); nothing is saved. */
  InvalidCampaign: {
    kind: 'invalid',
    message: (errors: readonly FieldProblem[]) =>
      `The campaign is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`.slice(
        0,
        2000,
      ),
    details: (errors) => ({ errors: errors.map((e) => ({ field: e.field, message: e.message })) }),
  },
  /** The lifecycle does not allow this command now; `currentStatus` is where the campaign is. */
  CampaignTransitionNotAllowed: {
    kind: 'conflict',
    message: (status: CampaignStatus, action: string) => `A ${status} campaign cannot ${action}`,
    // `currentStatus`, not `status`: a problem's `status` is its HTTP status.
    details: (status, action) => ({ currentStatus: status, action }),
  },
  ScheduleInThePast: {
    kind: 'invalid',
    message: (sendAt: string, now: string) => `sendAt ${sendAt} is not after now (${now})`,
    details: (sendAt, now) => ({ field: 'sendAt', sendAt, now }),
  },
  SendAtRequired: {
    kind: 'invalid',
    message: () => 'A broadcast is scheduled for a time: sendAt is required',
    details: () => ({ field: 'sendAt' }),
  },
  /** The body names a segment this tenant does not have (or an archived one). */
  UnknownSegment: {
    kind: 'invalid',
    message: (field: string, segmentId: string) => `${field}: no usable segment ${segmentId}`,
    details: (field, segmentId) => ({ field, segmentId }),
  },
  UnknownTemplate: {
    kind: 'invalid',
    message: (field: string, templateId: string) => `${field}: no usable template ${templateId}`,
    details: (field, templateId) => ({ field, templateId }),
  },
  UnknownTemplateVersion: {
    kind: 'invalid',
    message: (field: string, templateId: string, version: number) =>
      `${field}: template ${templateId} has no version ${version}`,
    details: (field, templateId, version) => ({ field, templateId, templateVersion: version }),
  },
  /** An SMS template in an email campaign, or the other way round. */
  TemplateChannelMismatch: {
    kind: 'invalid',
    message: (field: string, templateChannel: string, campaignChannel: string) =>
      `${field}: a ${templateChannel} template cannot serve a ${campaignChannel} campaign`,
    details: (field, templateChannel, campaignChannel) => ({
      field,
      templateChannel,
      campaignChannel,
    }),
  },
  UnknownVariant: {
    kind: 'invalid',
    message: (variant: string) => `The campaign has no variant ${variant}`,
    details: (variant) => ({ field: 'winner', variant }),
  },
});
