/**
 * What queries do while a read model is rebuilt in place: answer 503 with Retry-After rather
 * than serve a half-filled table as if it were the truth. Services call assertReadModelReady in
 * their query handlers and map ReadModelUnavailableError to problem+json 503 in their filter.
 */
import type { ProjectionCheckpoints } from './projection-checkpoints';

export class ReadModelUnavailableError extends Error {
  readonly status = 503;

  constructor(
    readonly projection: string,
    readonly reason: 'rebuilding' | 'not-built',
    /** Suggested Retry-After header value. */
    readonly retryAfterSeconds: number,
  ) {
    super(
      `Read model ${projection} is ${reason === 'rebuilding' ? 'being rebuilt' : 'not built yet'}; retry later`,
    );
  }
}

export async function assertReadModelReady(
  checkpoints: ProjectionCheckpoints,
  projection: string,
  retryAfterSeconds = 30,
): Promise<void> {
  const checkpoint = await checkpoints.get(projection);
  if (!checkpoint) throw new ReadModelUnavailableError(projection, 'not-built', retryAfterSeconds);
  if (checkpoint.status === 'rebuilding') {
    throw new ReadModelUnavailableError(projection, 'rebuilding', retryAfterSeconds);
  }
}
