/**
 * Where an import's time goes, per phase (parse, match, load, append, read-your-writes, report).
 * Phases of concurrent rows overlap, so the totals add up to more than the wall time: they say
 * which step to make cheaper, not how long the import took.
 */
export const IMPORT_PHASES = [
  'parse',
  'match',
  'load',
  'readStream',
  'append',
  'readYourWrites',
  'report',
] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export type ImportPhaseTotals = Record<ImportPhase, { ms: number; count: number }>;

export class ImportPhaseTimer {
  private readonly totals = Object.fromEntries(
    IMPORT_PHASES.map((p) => [p, { ms: 0, count: 0 }]),
  ) as ImportPhaseTotals;

  /** Times `work` under `phase` (also when it throws). */
  async time<T>(phase: ImportPhase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  timeSync<T>(phase: ImportPhase, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  snapshot(): ImportPhaseTotals {
    return Object.fromEntries(
      IMPORT_PHASES.map((p) => [
        p,
        { ms: Math.round(this.totals[p].ms), count: this.totals[p].count },
      ]),
    ) as ImportPhaseTotals;
  }

  private add(phase: ImportPhase, ms: number): void {
    this.totals[phase].ms += ms;
    this.totals[phase].count += 1;
  }
}
