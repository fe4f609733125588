/** EventStoreDB / KurrentDB for tests, resolved once per run by the global setup. */

/** Connection string (`esdb://host:port?tls=false`) the global setup resolved. */
export const EVENTSTORE_URL_VAR = 'CRM_TEST_EVENTSTORE_CONNECTION_STRING';
/** Why EventStoreDB is unavailable in this run, when it is. */
export const EVENTSTORE_UNAVAILABLE_VAR = 'CRM_TEST_EVENTSTORE_UNAVAILABLE';

export function testEventStoreConnectionString(): string | undefined {
  return process.env[EVENTSTORE_URL_VAR] || undefined;
}
