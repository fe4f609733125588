import { ConfigError } from '@crm/platform';
import { parseTrackingKeys } from '../campaign/tracking-token';
import { loadResponsesConfig } from './responses.config';

const SENDER = { sending: { trackingKeys: parseTrackingKeys(`s1:${'s'.repeat(40)}`) } };

describe('responses config', () => {
  it("verifies with the sender's key ring", () => {
    expect(loadResponsesConfig({}, SENDER).trackingKeys).toBe(SENDER.sending.trackingKeys);
  });

  it('defaults: 5 minute webhook tolerance, 10 s scanner window, no webhook secret', () => {
    expect(loadResponsesConfig({}, SENDER)).toMatchObject({
      webhookSecret: undefined,
      webhookToleranceSeconds: 300,
      minHumanClickDelayMs: 10_000,
      publicRatePerSecond: 20,
      publicBurst: 100,
      trustForwardedFor: false,
    });
  });

  it('a short webhook secret stops start-up naming the variable', () => {
    const load = () => loadResponsesConfig({ CAMPAIGNS_WEBHOOK_SECRET: 'short' }, SENDER);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/CAMPAIGNS_WEBHOOK_SECRET/);
  });
});
