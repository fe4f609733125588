/**
 * Rule-based lead score: profile fit + engagement, 0..100, with the reasons that make it up so a
 * rep can see WHY a lead ranks where it does. Pure and deterministic: the decider recomputes it
 * whenever an event changes its inputs and records a LeadScored event only when it moves.
 */
import type { LeadProfile, LeadSource, ScoreReason } from './lead.events';

export interface ScoringInput {
  readonly profile: LeadProfile;
  readonly source: LeadSource;
  readonly interactions: number;
  readonly campaignClicks: number;
}

export interface LeadScore {
  readonly score: number;
  readonly reasons: ScoreReason[];
}

export const MAX_SCORE = 100;

const SOURCE_POINTS: Record<LeadSource, number> = {
  referral: 15,
  web_form: 10,
  campaign: 5,
  manual: 5,
  import: 0,
};

// Titles that usually sign or strongly influence a purchase.
const DECISION_MAKER =
  /\b(chief|ceo|cfo|cto|coo|owner|founder|president|vp|vice president|director|head)\b/i;
const INFLUENCER = /\b(manager|lead|principal|senior)\b/i;

const POINTS_PER_INTERACTION = 5;
const MAX_INTERACTION_POINTS = 25;
const POINTS_PER_CLICK = 3;
const MAX_CLICK_POINTS = 15;

export function scoreLead(input: ScoringInput): LeadScore {
  const reasons: ScoreReason[] = [];
  const add = (rule: string, points: number, detail: string) => {
    if (points > 0) reasons.push({ rule, points, detail });
  };
  const { profile } = input;

  add('profile.email', profile.email ? 10 : 0, 'has an email address');
  add('profile.phone', profile.phone ? 10 : 0, 'has a phone number');
  add('profile.company', profile.company ? 10 : 0, `works for ${profile.company}`);
  if (profile.jobTitle && DECISION_MAKER.test(profile.jobTitle)) {
    add('profile.seniority', 20, `decision maker (${profile.jobTitle})`);
  } else if (profile.jobTitle && INFLUENCER.test(profile.jobTitle)) {
    add('profile.seniority', 10, `influencer (${profile.jobTitle})`);
  }
  add('profile.interest', profile.interest ? 5 : 0, 'stated an interest');
  add('source', SOURCE_POINTS[input.source], `source ${input.source}`);
  add(
    'engagement.interactions',
    Math.min(input.interactions * POINTS_PER_INTERACTION, MAX_INTERACTION_POINTS),
    `${input.interactions} interaction(s)`,
  );
  add(
    'engagement.campaign-clicks',
    Math.min(input.campaignClicks * POINTS_PER_CLICK, MAX_CLICK_POINTS),
    `${input.campaignClicks} campaign click(s)`,
  );

  const total = reasons.reduce((points, reason) => points + reason.points, 0);
  return { score: Math.min(total, MAX_SCORE), reasons };
}
