/**
 * Shapes shared by the lifetime-value models: a customer's purchase summary and the fit results a
 * service stores as JSON (plain numbers and strings, no class instances).
 */

/**
 * One customer's repeat-purchase summary, in one time unit (weeks for CDNOW):
 * frequency x = repeat purchases (purchase days after the first), recency t_x = age at the last
 * purchase, age T = time from the first purchase to the end of observation.
 */
export interface PurchaseSummary {
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
}

/** Why a model could not be fitted; a service shows it instead of parameters. */
export type CannotFitReason =
  | 'no-customers'
  | 'no-repeat-purchases'
  | 'too-little-data'
  | 'invalid-summary'
  | 'numerical-failure';

export interface CannotFit {
  readonly status: 'cannot-fit';
  readonly reason: CannotFitReason;
  /** What was wrong, for a person (e.g. which row). */
  readonly detail: string;
  readonly customers: number;
}

export interface Fitted<Params> {
  readonly status: 'fitted';
  readonly params: Params;
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Customers the likelihood summed over. */
  readonly customers: number;
}

export type FitResult<Params> = Fitted<Params> | CannotFit;
