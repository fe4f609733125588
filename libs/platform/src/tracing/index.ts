export { isTracingInstrumented } from './instrument';
export {
  startTracing,
  stopTracing,
  type StartTracingOptions,
  type TracingHandle,
} from './start-tracing';
export { tracingEnabled } from './tracing-config';
export { nameServerSpansByRoute } from './route-span-name';
export { withSpan } from './with-span';
export {
  activeTraceContext,
  contextFromTraceContext,
  formatTraceContext,
  parseTraceContext,
  type TraceContextFields,
} from '@crm/event-sourcing';
