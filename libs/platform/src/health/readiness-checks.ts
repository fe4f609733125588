import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';

/** Resolves to an up/down result (use HealthIndicatorService.check(key).up()/down()). */
export type ReadinessCheck = () => Promise<HealthIndicatorResult>;

/**
 * Extra readiness checks a service contributes (a projection caught up, a consumer connected):
 * inject this and `register` in onModuleInit.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  all(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
