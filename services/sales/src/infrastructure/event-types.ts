/** Every event type of a union, checked by the compiler: adding an event without listing it fails to build. */
export function eventTypes<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}
