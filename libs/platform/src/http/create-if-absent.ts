/**
 * `PUT /<resources>/{id}` as create-if-absent, for callers that choose the id (a process
 * manager's deterministic id): the first call creates it (201), every later one answers the
 * resource as it is (200, the body is not applied). PUT is idempotent by definition, so a retry
 * after a lost answer or a crash on either side is safe without an idempotency key store.
 */
export interface CreateIfAbsent<V> {
  /** Whether the id names a resource already, in any status. */
  readonly exists: () => Promise<boolean>;
  /** Creates it under the id (201 and Location, like the POST). */
  readonly create: () => Promise<V>;
  /** The resource as its GET answers it. */
  readonly existing: () => Promise<V>;
  /** The create lost a race with another create of the same id (the decider's "already exists"). */
  readonly lostRace: (error: unknown) => boolean;
}

export async function createIfAbsent<V>(resource: CreateIfAbsent<V>): Promise<V> {
  if (await resource.exists()) return resource.existing();
  try {
    return await resource.create();
  } catch (error) {
    if (resource.lostRace(error)) return resource.existing();
    throw error;
  }
}
