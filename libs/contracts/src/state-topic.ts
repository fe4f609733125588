/**
 * State topics: beside each service's event topic, one compacted topic per aggregate kind whose
 * value is the aggregate's current public state (`crm.<service>.<aggregate>.state.v<major>`).
 * Key = aggregate id; a tombstone (null value) when the record is deleted or its person erased,
 * so compaction leaves nothing of them behind. A consumer that starts today bootstraps from the
 * state topic, then follows the event topic; it never needs the REST API to be correct.
 *
 * The value is the same document the service's REST API returns for that record (its `GET`
 * view), without per-request fields: one representation for money and probabilities everywhere.
 */
import type { ServiceName } from './integration-event';
import type { JsonSchema } from './json-schema';
import { DRAFT_07 } from './json-schema';

export interface StateTopicDefinition {
  /** `crm.contacts.contact.state.v1`: the topic name and the `ce_type` of every value on it. */
  readonly type: string;
  readonly topic: string;
  readonly service: ServiceName;
  /** Aggregate kind, e.g. `contact`; the key of each message is its id. */
  readonly aggregate: string;
  readonly version: number;
  readonly summary: string;
  /** JSON Schema (draft-07) of a non-tombstone value. */
  readonly schema: JsonSchema;
}

const SEGMENT = /^[a-z][a-z0-9_]*$/;

export function defineStateTopic(spec: {
  service: ServiceName;
  aggregate: string;
  version?: number;
  summary: string;
  schema: JsonSchema;
}): StateTopicDefinition {
  if (!SEGMENT.test(spec.aggregate))
    throw new Error(`"${spec.aggregate}" is not a snake_case aggregate name`);
  const version = spec.version ?? 1;
  const type = stateTopicFor(spec.service, spec.aggregate, version);
  return Object.freeze({
    type,
    topic: type,
    service: spec.service,
    aggregate: spec.aggregate,
    version,
    summary: spec.summary,
    schema: Object.freeze({
      $schema: DRAFT_07,
      $id: `https://schemas.crm.example/state/${type}.json`,
      title: type,
      ...spec.schema,
    }),
  });
}

export function stateTopicFor(service: ServiceName, aggregate: string, majorVersion = 1): string {
  return `crm.${service}.${aggregate}.state.v${majorVersion}`;
}
