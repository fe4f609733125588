/**
 * Runs processes (sagas) from their record: leases the row, does the next action `nextAction`
 * names, records it, and so on until the process is final. A step refuses by throwing a
 * DomainError: the steps done are then compensated in reverse and the refusal is the answer.
 * Any other error is transient: the lease is released and the process is retried with back-off,
 * by the next request that asks for it or by `resumeDue` (a background job), on any replica.
 */
import { WrongExpectedVersionError } from '@crm/event-sourcing';
import { randomUUID } from 'node:crypto';
import { domainErrorProblem, isDomainError } from '../errors/domain-error-problem';
import type { Problem } from '../errors/problem';
import {
  assertWellFormed,
  nextAction,
  retryDelayMs,
  type ProcessDefinition,
  type ProcessStep,
} from './process-plan';
import type { ProcessRecord, ProcessStore } from './process-store';

/** Thrown by a test hook: the run stops dead there, recording nothing, as a killed process would. */
export class ProcessCrash extends Error {
  constructor(point: StepPoint) {
    super(
      `simulated crash ${point.when} ${point.phase} ${point.step} of ${point.type}/${point.id}`,
    );
  }
}

export interface StepPoint {
  readonly type: string;
  readonly id: string;
  readonly step: string;
  readonly phase: 'run' | 'compensate';
  /** before: the step's effect has not happened; after: it happened but is not recorded yet. */
  readonly when: 'before' | 'after';
}

/** Fault injection for tests: called around every step; throw ProcessCrash to stop the run there. */
export interface ProcessHooks {
  atStep?(point: StepPoint): void | Promise<void>;
}

export type ProcessOutcome<I> =
  | { readonly status: 'completed'; readonly record: ProcessRecord<I> }
  /** Refused: compensated (or failed, if undoing was refused too); `problem` is the answer. */
  | { readonly status: 'refused'; readonly record: ProcessRecord<I>; readonly problem: Problem }
  /** Not finished now: a transient failure (retried later) or another run holds it. */
  | { readonly status: 'pending'; readonly record: ProcessRecord<I> };

export interface ProcessRunnerOptions {
  /** How long a run may hold a process between two recorded steps (default 30 s). */
  readonly leaseMs?: number;
  /** How long a request waits for a process another run holds before answering pending (10 s). */
  readonly waitMs?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  readonly logger?: { warn(message: string): void };
}

const POLL_MS = 50;

export class ProcessRunner {
  /** Mutable on purpose: tests set `hooks.atStep` to crash a run between two steps. */
  readonly hooks: ProcessHooks = {};
  private readonly definitions = new Map<string, ProcessDefinition<any>>();
  private readonly leaseMs: number;
  private readonly waitMs: number;

  constructor(
    readonly store: ProcessStore,
    private readonly options: ProcessRunnerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waitMs = options.waitMs ?? 10_000;
  }

  /** Makes the type resumable in the background (resumeDue). */
  register<I>(definition: ProcessDefinition<I>): void {
    assertWellFormed(definition);
    this.definitions.set(definition.type, definition);
  }

  /**
   * Records the process (unless `id` is recorded already: then `input` is ignored and the
   * recorded one runs) and runs it as far as it goes now.
   */
  async start<I>(
    definition: ProcessDefinition<I>,
    key: { tenant: string; id: string },
    input: I,
    authorization?: string,
  ): Promise<{ outcome: ProcessOutcome<I>; created: boolean }> {
    const { created } = await this.store.start({ ...key, type: definition.type }, input);
    return { outcome: await this.advance(definition, key, authorization), created };
  }

  /** Runs a recorded process as far as it goes, or waits (bounded) for the run that holds it. */
  async advance<I>(
    definition: ProcessDefinition<I>,
    key: { tenant: string; id: string },
    authorization?: string,
  ): Promise<ProcessOutcome<I>> {
    const processKey = { ...key, type: definition.type };
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const owner = this.newOwner();
      const leased = await this.store.lease<I>(processKey, owner, this.leaseMs);
      if (leased) return this.drive(definition, leased, owner, authorization);
      const record = await this.store.get<I>(processKey);
      if (!record) throw new Error(`process ${definition.type}/${key.id} is not recorded`);
      const final = finalOutcome(record);
      if (final || Date.now() >= deadline) return final ?? { status: 'pending', record };
      await sleep(POLL_MS);
    }
  }

  /**
   * One pass of the background resumer: leases due processes one at a time (so a slow one does
   * not let the leases of the others run out meanwhile) and runs each. Returns how many.
   */
  async resumeDue(limit = 20): Promise<number> {
    let resumed = 0;
    for (; resumed < limit; resumed++) {
      const owner = this.newOwner();
      const [record] = await this.store.leaseDue(owner, this.leaseMs, 1);
      if (!record) break;
      const definition = this.definitions.get(record.type);
      // Another version of the service owns this type; its lease simply runs out.
      if (!definition) continue;
      try {
        const authorization = await definition.resumeAuthorization?.(record.tenant, record.input);
        await this.drive(definition, record, owner, authorization);
      } catch (error) {
        this.options.logger?.warn(
          `process ${record.type}/${record.id} did not resume: ${(error as Error).message}`,
        );
      }
    }
    return resumed;
  }

  private async drive<I>(
    definition: ProcessDefinition<I>,
    leased: ProcessRecord<I>,
    owner: string,
    authorization: string | undefined,
  ): Promise<ProcessOutcome<I>> {
    let record = leased;
    const lost = async (): Promise<ProcessOutcome<I>> => ({
      status: 'pending',
      record: (await this.store.get<I>(record))!,
    });
    for (;;) {
      const action = nextAction(definition, record.input, record);
      if (action.kind === 'none') return finalOutcome(record)!;
      if (action.kind === 'complete' || action.kind === 'compensated') {
        const status = action.kind === 'complete' ? 'completed' : 'compensated';
        if (!(await this.store.finish(record, owner, status))) return lost();
        return finalOutcome({ ...record, status })!;
      }
      const phase = action.kind === 'run' ? 'run' : 'compensate';
      // A step may take longer than the lease (a slow service): the run renews it meanwhile, so
      // only a run that died (and its heartbeat with it) loses its process to another run.
      const heartbeat = setInterval(
        () => void this.store.renew(record, owner, this.leaseMs).catch(() => undefined),
        Math.max(50, Math.floor(this.leaseMs / 3)),
      );
      try {
        await this.runStep(definition, record, action.step, phase, authorization);
      } catch (error) {
        if (error instanceof ProcessCrash) throw error;
        const refusal = refusalOf(error);
        if (refusal && phase === 'run') {
          if (!(await this.store.refuse(record, owner, refusal))) return lost();
          record = { ...record, status: 'compensating', refusal };
          continue;
        }
        if (refusal) {
          // Undoing was refused: nothing more can be done automatically. Final, and counted as
          // failed on /metrics and /health/ready, so someone looks at it.
          this.options.logger?.warn(
            `process ${record.type}/${record.id} could not undo ${action.step.name}: ${refusal.detail}`,
          );
          if (!(await this.store.finish(record, owner, 'failed'))) return lost();
          return finalOutcome({ ...record, status: 'failed' })!;
        }
        const delay = retryDelayMs(
          record.attempts,
          this.options.retryBaseMs,
          this.options.retryMaxMs,
        );
        if (!(await this.store.retryLater(record, owner, describe(error), delay))) return lost();
        return { status: 'pending', record: (await this.store.get<I>(record))! };
      } finally {
        clearInterval(heartbeat);
      }
      const column = phase === 'run' ? 'steps_done' : 'compensated';
      if (!(await this.store.recordStep(record, owner, action.step.name, column, this.leaseMs)))
        return lost();
      record =
        phase === 'run'
          ? { ...record, stepsDone: [...record.stepsDone, action.step.name] }
          : { ...record, compensated: [...record.compensated, action.step.name] };
    }
  }

  private async runStep<I>(
    definition: ProcessDefinition<I>,
    record: ProcessRecord<I>,
    step: ProcessStep<I>,
    phase: 'run' | 'compensate',
    authorization: string | undefined,
  ): Promise<void> {
    const point = { type: definition.type, id: record.id, step: step.name, phase } as const;
    await this.hooks.atStep?.({ ...point, when: 'before' });
    const context = {
      tenant: record.tenant,
      processId: record.id,
      input: record.input,
      idempotencyKey: `${record.id}/${step.name}${phase === 'compensate' ? '/undo' : ''}`,
      ...(authorization ? { authorization } : {}),
    };
    await (phase === 'run' ? step.run(context) : step.compensate!(context));
    await this.hooks.atStep?.({ ...point, when: 'after' });
  }

  private newOwner(): string {
    return randomUUID();
  }
}

/**
 * A step refuses with a DomainError (the owning aggregate or service said no: undo, answer it).
 * A lost optimistic race is not a refusal: the step runs again and decides on the new state.
 */
export function refusalOf(error: unknown): Problem | undefined {
  if (error instanceof WrongExpectedVersionError) return undefined;
  return isDomainError(error) ? domainErrorProblem(error) : undefined;
}

function finalOutcome<I>(record: ProcessRecord<I>): ProcessOutcome<I> | undefined {
  switch (record.status) {
    case 'completed':
      return { status: 'completed', record };
    case 'compensated':
    case 'failed':
      return { status: 'refused', record, problem: record.refusal! };
    default:
      return undefined;
  }
}

/** A problem's detail (an HttpException's own message is only its class name), else the message. */
function describe(error: unknown): string {
  const problem = (error as { problem?: Problem }).problem;
  return problem?.detail ?? (error as Error).message ?? String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
