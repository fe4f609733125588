/**
 * The benchmark's CSV, row by row and deterministic, so the expected report follows from the row
 * count alone: 1 row in 20 is bad (invalid email, invalid phone or unknown lifecycle stage, in
 * turn), 1 in 20 (from row 33 on) repeats the row ten rows earlier, by its email or by its phone.
 */
export const BENCH_HEADER = 'email,phone,given_name,family_name,lifecycle_stage,tags';

const isBad = (i: number) => i % 20 === 7;
const isRepeat = (i: number) => i > 20 && i % 20 === 13;
const email = (i: number) => `person${i}@bench.example`;
const phone = (i: number) => `+4930${10_000_000 + i}`;

export function benchRow(i: number): string {
  if (isBad(i)) {
    switch (Math.floor(i / 20) % 3) {
      case 0:
        return `broken-${i},${phone(i)},Bad,Email ${i},lead,bench`;
      case 1:
        return `${email(i)},12345,Bad,Phone ${i},lead,bench`;
      default:
        return `${email(i)},${phone(i)},Bad,Stage ${i},wizard,bench`;
    }
  }
  if (isRepeat(i)) {
    const earlier = i - 10; // a plain row (i - 10 is 3 mod 20)
    return Math.floor(i / 20) % 2 === 0
      ? `${email(earlier)},,,,customer,repeat-by-email`
      : `alias${i}@bench.example,${phone(earlier)},,,opportunity,repeat-by-phone`;
  }
  return `${email(i)},${phone(i)},Person,Number ${i},lead,bench;batch-${i % 7}`;
}

/** The report the import of rows 1..rows must give. */
export function expectedOutcomes(rows: number): {
  created: number;
  updated: number;
  rejected: number;
} {
  let rejected = 0;
  let updated = 0;
  for (let i = 1; i <= rows; i++) {
    if (isBad(i)) rejected++;
    else if (isRepeat(i)) updated++;
  }
  return { created: rows - rejected - updated, updated, rejected };
}
