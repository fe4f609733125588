/**
 * Schema evolution on read. Events are immutable once written, so an old payload is lifted to the
 * current shape every time it is read: one small pure function per (type, fromVersion) step,
 * chained v1 -> v2 -> v3. Writers always write the newest version.
 *
 * Event types are never renamed by an upcaster: filters (`types`) and checkpoints would stop
 * matching. Introduce a new type and keep handling the old one instead.
 */
import type { RecordedEvent } from '../event-store';

export interface Upcaster {
  readonly type: string;
  /** The schema version this step reads; it produces `fromVersion + 1`. */
  readonly fromVersion: number;
  /** Pure and deterministic: it runs on every read, in every process, forever. */
  readonly upcast: (data: any, event: RecordedEvent) => unknown;
}

export class UpcasterChain {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) {
      if (!Number.isInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
        throw new Error(`Upcaster ${upcaster.type}: fromVersion must be an integer >= 1`);
      }
      const key = stepKey(upcaster.type, upcaster.fromVersion);
      if (this.steps.has(key))
        throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
      this.steps.set(key, upcaster);
    }
  }

  /** Lifts the event as far as the chain goes; events with no matching step come back unchanged. */
  apply<Data = unknown>(event: RecordedEvent): RecordedEvent<Data> {
    let current = event;
    for (let step = this.steps.get(stepKey(current.type, current.schemaVersion)); step;) {
      current = {
        ...current,
        schemaVersion: current.schemaVersion + 1,
        data: step.upcast(current.data, current),
      };
      step = this.steps.get(stepKey(current.type, current.schemaVersion));
    }
    return current as RecordedEvent<Data>;
  }

  applyAll(events: readonly RecordedEvent[]): RecordedEvent[] {
    return this.steps.size === 0 ? [...events] : events.map((event) => this.apply(event));
  }

  /** The version reads produce for a type: what writers should write (1 when never evolved). */
  latestVersion(type: string): number {
    let version = 1;
    while (this.steps.has(stepKey(type, version))) version++;
    return version;
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
