/** Today's date (UTC) as the deciders' date rules expect it. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
