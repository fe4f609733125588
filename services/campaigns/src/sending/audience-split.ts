/**
 * Who gets which variant, and who is in the A/B test share: a stable hash of the contact id (and
 * the campaign id, so one person is not always in every campaign's test), uniform over 0..9999.
 * The same person lands in the same bucket on every replica and after every restart.
 */
import { createHash } from 'node:crypto';
import type { CampaignVariant } from '../campaign/campaign.events';

/** 0..9999 (hundredths of a percent). */
export function bucketOf(
  campaignId: string,
  contactId: string,
  purpose: 'variant' | 'test',
): number {
  const digest = createHash('sha256')
    .update(`${purpose}\u0000${campaignId}\u0000${contactId}`)
    .digest();
  return digest.readUInt32BE(0) % 10_000;
}

/** Whether the person is in the test share (`testSharePercent` of everyone). */
export function inTestShare(
  campaignId: string,
  contactId: string,
  testSharePercent: number,
): boolean {
  return bucketOf(campaignId, contactId, 'test') < testSharePercent * 100;
}

/** The variant by `sharePercent` (shares add up to 100). */
export function variantFor(
  campaignId: string,
  contactId: string,
  variants: readonly CampaignVariant[],
): CampaignVariant {
  const bucket = bucketOf(campaignId, contactId, 'variant');
  let upTo = 0;
  for (const variant of variants) {
    upTo += variant.sharePercent * 100;
    if (bucket < upTo) return variant;
  }
  return variants[variants.length - 1]!;
}
