import { ConfigError } from '@crm/platform';
import { parseTrackingKeys } from '../campaign/tracking-token';
import { loadResponsesConfig } from './responses.config';

const SENDER_RING = parseTrackingKeys(`s1:${'s'.repeat(40)}`);

describe('responses config', () => {
  it('verifies with the sender ring when the service config has one', () => {
    const config = loadResponsesConfig(
      { CAMPAIGNS_TRACKING_KEYS: `own:${'o'.repeat(40)}` },
      { sending: { trackingKeys: SENDER_RING } },
    );
    expect(config.trackingKeys).toBe(SENDER_RING);
  });

  it('else parses CAMPAIGNS_TRACKING_KEYS itself, and without it verifies nothing', () => {
    expect(
      loadResponsesConfig({ CAMPAIGNS_TRACKING_KEYS: `own:${'o'.repeat(40)}` }).trackingKeys
        ?.current,
    ).toBe('own');
    expect(loadResponsesConfig({}).trackingKeys).toBeUndefined();
  });

  it('defaults: 5 minute webhook tolerance, 10 s scanner window, no webhook secret', () => {
    expect(loadResponsesConfig({})).toMatchObject({
      webhookSecret: undefined,
      webhookToleranceSeconds: 300,
      minHumanClickDelayMs: 10_000,
      trustForwardedFor: false,
    });
  });

  it('a short webhook secret stops start-up naming the variable', () => {
    expect(() => loadResponsesConfig({ CAMPAIGNS_WEBHOOK_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadResponsesConfig({ CAMPAIGNS_WEBHOOK_SECRET: 'short' })).toThrow(
      /CAMPAIGNS_WEBHOOK_SECRET/,
    );
  });
});
