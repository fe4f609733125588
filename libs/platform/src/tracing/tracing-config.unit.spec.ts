import { defaultServiceName, isUntracedPath, tracingEnabled } from './tracing-config';

describe('tracingEnabled: off unless an exporter is configured', () => {
  it.each([
    [{}, false],
    [{ OTEL_SERVICE_NAME: 'contacts', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, false],
    [{ OTEL_TRACES_EXPORTER: 'none' }, false],
    [{ OTEL_TRACES_EXPORTER: ' ' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console,otlp' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    // An explicit "none" wins over an endpoint meant for other signals.
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, false],
    [{ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' }, true],
  ])('%j -> %s', (env, enabled) => {
    expect(tracingEnabled(env)).toBe(enabled);
  });
});

describe('defaultServiceName', () => {
  it('names the service unless the standard variables already do', () => {
    expect(defaultServiceName({}, 'contacts')).toBe('contacts');
    expect(defaultServiceName({ OTEL_SERVICE_NAME: 'crm-contacts' }, 'contacts')).toBeUndefined();
    expect(
      defaultServiceName(
        { OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod, service.name=x' },
        'contacts',
      ),
    ).toBeUndefined();
    expect(
      defaultServiceName({ OTEL_RESOURCE_ATTRIBUTES: 'service.namespace=crm' }, 'contacts'),
    ).toBe('contacts');
  });
});

describe('isUntracedPath', () => {
  it('leaves probes and scrapes out, nothing else', () => {
    for (const url of ['/health/live', '/health/ready', '/metrics', '/metrics?x=1'])
      expect(isUntracedPath(url)).toBe(true);
    for (const url of ['/contacts', '/healthy', '/contacts/metrics', undefined])
      expect(isUntracedPath(url)).toBe(false);
  });
});
