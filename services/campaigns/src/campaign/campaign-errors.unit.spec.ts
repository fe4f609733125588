/**
 * The campaign errors are declared once in campaign.errors.ts (code, kind, status, problem type);
 * no file under campaign/ builds a DomainError inline.
 */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';

describeServiceErrorCatalogues(
  'campaigns campaign',
  __dirname,
  [
    'CampaignNotFound',
    'InvalidCampaign',
    'CampaignTransitionNotAllowed',
    'ScheduleInThePast',
    'UnknownSegment',
  ],
  7,
);
