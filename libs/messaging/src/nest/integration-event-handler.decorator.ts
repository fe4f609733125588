import { findIntegrationEvent } from '@crm/contracts';

export const INTEGRATION_EVENT_HANDLER = 'crm:integration-event-handler';

export interface IntegrationEventHandlerMetadata {
  readonly type: string;
  /** Consumer group (and inbox key); default the module's consumer name. */
  readonly consumer?: string;
}

/**
 * Marks a provider method as the handler of one integration event type:
 *
 *   @IntegrationEventHandler('crm.contacts.contact.merged.v1')
 *   async onMerged(event: ReceivedIntegrationEvent<ContactMergedV1>, tx: PoolClient) { ... }
 *
 * The method runs inside the inbox transaction (`tx`); MessagingModule discovers it at boot.
 * An unknown type fails when the class is loaded, not when the first message arrives.
 */
export function IntegrationEventHandler(
  type: string,
  options: { consumer?: string } = {},
): MethodDecorator {
  if (!findIntegrationEvent(type)) {
    throw new Error(
      `@IntegrationEventHandler('${type}'): not an integration event type in @crm/contracts`,
    );
  }
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as object;
    const existing: IntegrationEventHandlerMetadata[] =
      Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, handler) ?? [];
    Reflect.defineMetadata(INTEGRATION_EVENT_HANDLER, [...existing, { type, ...options }], handler);
    return descriptor;
  };
}
