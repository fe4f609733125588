/**
 * The age band of a birth date on a given day (the published bands of @crm/contracts). Computed
 * when read, from the injectable clock: an age is not a fact of any event, so the tables keep the
 * birth date and a rebuild next year still equals today's.
 */
import { CONTACT_AGE_BANDS } from '@crm/contracts';

type AgeBand = (typeof CONTACT_AGE_BANDS)[number];

/** Lower bounds of each band but the first, in order. */
const LOWER_BOUNDS: readonly [number, AgeBand][] = [
  [65, '65-plus'],
  [55, '55-64'],
  [45, '45-54'],
  [35, '35-44'],
  [25, '25-34'],
  [18, '18-24'],
];

/** `birthDate` and `on` as YYYY-MM-DD; undefined for a birth date after `on`. */
export function ageBandOn(birthDate: string, on: string): AgeBand | undefined {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 0) return undefined;
  for (const [bound, band] of LOWER_BOUNDS) if (age >= bound) return band;
  return 'under-18';
}
