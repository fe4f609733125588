/**
 * What the propensity model knows about a customer on a given day, and the outcome it learns.
 * Pure: the facts come from propensity-inputs.ts (SQL as of that day), dates are passed in.
 *
 * Features (the report 6): demographics (age band, gender, income band; a missing value
 * is its own level "unknown", so "we do not know" can carry weight of its own), RFM (days since
 * the last purchase, standing orders, log1p of the spend: spend is heavily skewed and a linear
 * logit in raw minor units lets a few big spenders decide the slope), holdings (the families the
 * customer holds) and engagement (campaign messages opened and clicked).
 *
 * Target: bought the family within `windowDays` after the cutoff. Training uses a cutoff
 * `windowDays` before the fit so the whole outcome window is observed; scoring uses today's
 * facts and reads as P(buys the family in the next `windowDays`).
 */
import type { FeatureRecord, FeatureSpec } from '../models/propensity';
import { ageBandOn } from '../customers/age-band';

export const UNKNOWN = 'unknown';
const DAY_MS = 86_400_000;

/** One customer's facts as of a day (every count and sum over standing orders up to then). */
export interface CustomerFacts {
  readonly contactId: string;
  readonly ageBand: string | null;
  readonly birthDate: string | null;
  readonly gender: string | null;
  readonly incomeBand: string | null;
  readonly orders: number;
  readonly lastPurchaseAt: Date | null;
  readonly spentMinor: number;
  readonly families: readonly string[];
  readonly messagesOpened: number;
  readonly messagesClicked: number;
}

/** The encoding's inputs; `families` are every family the tenant sells (holdings columns). */
export function propensityFeatureSpecs(families: readonly string[]): FeatureSpec[] {
  return [
    // The reference level is the first in sort order: one level per feature must be left out
    // (treatment contrasts), and "unknown" may be a level nobody has.
    { kind: 'categorical', name: 'ageBand' },
    { kind: 'categorical', name: 'gender' },
    { kind: 'categorical', name: 'incomeBand' },
    { kind: 'numeric', name: 'recencyDays' },
    { kind: 'numeric', name: 'frequency' },
    { kind: 'numeric', name: 'monetaryLog' },
    { kind: 'holdings', name: 'holds', items: [...families].sort() },
    { kind: 'numeric', name: 'messagesOpened' },
    { kind: 'numeric', name: 'messagesClicked' },
  ];
}

/**
 * The feature record of `facts` on day `asOf`. A customer who never bought has no recency: the
 * encoding puts the training mean there, and frequency 0 says the rest.
 */
export function featureRecord(facts: CustomerFacts, asOf: Date): FeatureRecord {
  // The band on `asOf` from the birth date when known (a training cutoff is in the past), else
  // the band as published.
  const band =
    (facts.birthDate ? ageBandOn(facts.birthDate, asOf.toISOString().slice(0, 10)) : undefined) ??
    facts.ageBand;
  return {
    ageBand: band ?? UNKNOWN,
    gender: facts.gender ?? UNKNOWN,
    incomeBand: facts.incomeBand ?? UNKNOWN,
    recencyDays: facts.lastPurchaseAt
      ? Math.max(0, Math.floor((asOf.getTime() - facts.lastPurchaseAt.getTime()) / DAY_MS))
      : null,
    frequency: facts.orders,
    monetaryLog: Math.log1p(Math.max(0, facts.spentMinor)),
    holds: [...facts.families],
    messagesOpened: facts.messagesOpened,
    messagesClicked: facts.messagesClicked,
  };
}

/** The training cutoff: `windowDays` before `now`, so (cutoff, now] is the observed outcome window. */
export function trainingCutoff(now: Date, windowDays: number): Date {
  return new Date(now.getTime() - windowDays * DAY_MS);
}

export interface TrainingSet {
  readonly ids: string[];
  readonly records: FeatureRecord[];
  readonly outcomes: number[];
  readonly positives: number;
}

/** Customers known at the cutoff, labelled 1 when `buyers` (of the window) holds them. */
export function trainingSet(
  facts: readonly CustomerFacts[],
  cutoff: Date,
  buyers: ReadonlySet<string>,
): TrainingSet {
  const outcomes = facts.map((f) => (buyers.has(f.contactId) ? 1 : 0));
  return {
    ids: facts.map((f) => f.contactId),
    records: facts.map((f) => featureRecord(f, cutoff)),
    outcomes,
    positives: outcomes.reduce<number>((sum, y) => sum + y, 0),
  };
}

/** A fit needs this many buyers and this many non-buyers, else it says so. */
export const MIN_CLASS_SIZE = 10;

/** Why the data cannot carry a model, or undefined when it can. */
export function tooLittleData(set: TrainingSet, family: string): string | undefined {
  const negatives = set.outcomes.length - set.positives;
  if (set.positives < MIN_CLASS_SIZE) {
    return `too-few-positives: ${set.positives} of ${set.outcomes.length} customers bought ${family} in the window; at least ${MIN_CLASS_SIZE} needed`;
  }
  if (negatives < MIN_CLASS_SIZE) {
    return `too-few-negatives: ${negatives} of ${set.outcomes.length} customers did not buy ${family} in the window; at least ${MIN_CLASS_SIZE} needed`;
  }
  return undefined;
}
