/**
 * What a process (saga) is and what it does next, as pure functions of its recorded progress, so
 * a run after a crash picks up exactly where the record says, whoever runs it. The runner
 * (process-runner.ts) only executes what `nextAction` names and records each outcome.
 */

/** pending: steps left to run; compensating: refused, undoing the steps done; the rest are final. */
export type ProcessStatus = 'pending' | 'compensating' | 'completed' | 'compensated' | 'failed';

export const UNFINISHED: readonly ProcessStatus[] = ['pending', 'compensating'];

export interface StepContext<I> {
  readonly tenant: string;
  readonly processId: string;
  readonly input: I;
  /** `<processId>/<step>`: send it as the Idempotency-Key of the step's cross-service call. */
  readonly idempotencyKey: string;
  /** The caller's credentials when a request runs the process; the resumer's own otherwise. */
  readonly authorization?: string;
}

export interface ProcessStep<I> {
  /** Stable: it is recorded in the process's progress. */
  readonly name: string;
  /** Whether this process needs the step at all (decided from the recorded input only). */
  readonly when?: (input: I) => boolean;
  /** Must be idempotent: it may run again after a crash between its effect and its record. */
  readonly run: (context: StepContext<I>) => Promise<void>;
  /** Undoes the step when a later one is refused; idempotent too. Absent: nothing to undo. */
  readonly compensate?: (context: StepContext<I>) => Promise<void>;
}

export interface ProcessDefinition<I> {
  /** e.g. `sales.lead-conversion`; one table holds every type. */
  readonly type: string;
  readonly steps: readonly ProcessStep<I>[];
  /** Credentials for a run nobody requested (the background resumer); undefined: none. */
  readonly resumeAuthorization?: (tenant: string, input: I) => Promise<string | undefined>;
}

export interface ProcessProgress {
  readonly status: ProcessStatus;
  readonly stepsDone: readonly string[];
  readonly compensated: readonly string[];
}

export type NextAction<I> =
  | { readonly kind: 'run'; readonly step: ProcessStep<I> }
  | { readonly kind: 'compensate'; readonly step: ProcessStep<I> }
  /** Every step ran: record the process completed. */
  | { readonly kind: 'complete' }
  /** Every step done before the refusal is undone: record it compensated. */
  | { readonly kind: 'compensated' }
  | { readonly kind: 'none' };

export function stepsFor<I>(definition: ProcessDefinition<I>, input: I): ProcessStep<I>[] {
  return definition.steps.filter((step) => step.when?.(input) ?? true);
}

/** The next thing to do for a process with this progress; `none` once it is final. */
export function nextAction<I>(
  definition: ProcessDefinition<I>,
  input: I,
  progress: ProcessProgress,
): NextAction<I> {
  const steps = stepsFor(definition, input);
  if (progress.status === 'pending') {
    const step = steps.find((s) => !progress.stepsDone.includes(s.name));
    return step ? { kind: 'run', step } : { kind: 'complete' };
  }
  if (progress.status === 'compensating') {
    // Undo in reverse order of doing, only what was done and is not undone yet.
    const step = [...steps]
      .reverse()
      .find(
        (s) =>
          s.compensate &&
          progress.stepsDone.includes(s.name) &&
          !progress.compensated.includes(s.name),
      );
    return step ? { kind: 'compensate', step } : { kind: 'compensated' };
  }
  return { kind: 'none' };
}

/** Back-off before attempt `attempts + 1` of a process whose step failed transiently. */
export function retryDelayMs(attempts: number, baseMs = 1_000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts, 30)));
}

export function assertWellFormed<I>(definition: ProcessDefinition<I>): void {
  const names = definition.steps.map((s) => s.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`process ${definition.type}: step "${twice}" is declared twice`);
  if (!names.length) throw new Error(`process ${definition.type} has no steps`);
}
