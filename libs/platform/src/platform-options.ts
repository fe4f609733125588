export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export interface PlatformModuleOptions {
  /** Names logs, the OpenAPI document, the pool's application_name and the Kafka health client. */
  readonly serviceName: string;
  /** OpenAPI document version (default 1.0.0). */
  readonly version?: string;
  readonly description?: string;
  /** Where the Idempotency-Key table lives (default schema `platform`). */
  readonly idempotency?: { readonly schema?: string };
}
