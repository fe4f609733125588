/** How the channels are chosen from the environment, through the service's real loadCampaignsConfig. */
import { ConfigError } from '@crm/platform';
import { loadCampaignsConfig } from '../campaigns.config';

const channelsOf = (env: Record<string, string>) => loadCampaignsConfig(env).channels;
const problemOf = (env: Record<string, string>) => {
  try {
    loadCampaignsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.variables;
    throw error;
  }
  throw new Error('no ConfigError');
};

describe('channel settings', () => {
  it('captures both kinds when nothing is configured (npm start)', () => {
    const { email, sms } = channelsOf({});
    expect(email).toMatchObject({
      transport: 'capture',
      ratePerSecond: 50,
      envelopeFrom: 'campaigns@example.com',
    });
    expect(email.smtp).toBeUndefined();
    expect(sms).toMatchObject({ transport: 'capture', ratePerSecond: 10, from: 'CRM' });
  });

  it('a URL alone switches to the real channel', () => {
    const { email, sms } = channelsOf({
      SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      SMTP_POOL_SIZE: '8',
      SMS_PROVIDER_URL: 'https://sms.example.com/send',
      SMS_PROVIDER_TOKEN: 'tok',
    });
    expect(email).toMatchObject({
      transport: 'smtp',
      smtp: { url: 'smtps://mailer:pw@smtp.example.com:465', poolSize: 8 },
    });
    expect(sms).toMatchObject({
      transport: 'http',
      http: { url: 'https://sms.example.com/send', token: 'tok', timeoutMs: 10_000 },
    });
  });

  it('an explicit choice wins over the URL (capture while SMTP_URL is set)', () => {
    const { email } = channelsOf({
      CAMPAIGNS_EMAIL_CHANNEL: 'capture',
      SMTP_URL: 'smtp://localhost:25',
    });
    expect(email.transport).toBe('capture');
  });

  it('the From and the envelope sender are parsed; a bad one is named', () => {
    const { email } = channelsOf({
      CAMPAIGNS_EMAIL_FROM: 'Acme <Offers@Acme.example>',
      CAMPAIGNS_EMAIL_ENVELOPE_FROM: 'bounces@acme.example',
    });
    expect(email).toMatchObject({
      from: 'Acme <Offers@Acme.example>',
      envelopeFrom: 'bounces@acme.example',
    });
    expect(problemOf({ CAMPAIGNS_EMAIL_FROM: 'Acme <not-an-address>' })).toEqual([
      'CAMPAIGNS_EMAIL_FROM',
    ]);
  });

  it.each([
    [{ CAMPAIGNS_EMAIL_CHANNEL: 'smtp' }, ['SMTP_URL']],
    [{ CAMPAIGNS_SMS_CHANNEL: 'http' }, ['SMS_PROVIDER_URL']],
    [{ CAMPAIGNS_EMAIL_CHANNEL: 'http' }, ['CAMPAIGNS_EMAIL_CHANNEL']],
    [{ SMTP_URL: 'http://smtp.example.com' }, ['SMTP_URL']],
    [
      { SMTP_URL: 'smtp://u:p@smtp.example.com', SMTP_USER: 'u', SMTP_PASSWORD: 'p' },
      ['SMTP_USER'],
    ],
    [{ SMTP_USER: 'u' }, ['SMTP_PASSWORD']],
    [
      { SMS_PROVIDER_URL: 'https://u:p@sms.example.com', SMS_PROVIDER_TOKEN: 't' },
      ['SMS_PROVIDER_TOKEN'],
    ],
    [{ SMTP_POOL_SIZE: '0' }, ['SMTP_POOL_SIZE']],
    [{ CAMPAIGNS_EMAIL_RATE_PER_S: 'fast' }, ['CAMPAIGNS_EMAIL_RATE_PER_S']],
  ])('refuses %j naming %j', (env, variables) => {
    expect(problemOf(env as Record<string, string>)).toEqual(variables);
  });
});
