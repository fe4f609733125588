import { ConfigError } from '@crm/platform';
import { loadSalesConfig } from './sales.config';

describe('sales configuration', () => {
  it('has defaults for everything', () => {
    expect(loadSalesConfig({})).toEqual({
      reminderPollMs: 5_000,
      quoteExpiryPollMs: 60_000,
      referenceWaitMs: 3_000,
      processResumePollMs: 5_000,
      processLeaseMs: 30_000,
      contactsUrl: undefined,
      seedDemo: false,
    });
  });

  it('reads each variable', () => {
    expect(
      loadSalesConfig({
        SALES_REMINDER_POLL_MS: '1000',
        SALES_QUOTE_EXPIRY_POLL_MS: '30000',
        SALES_REFERENCE_WAIT_MS: '0',
        SALES_PROCESS_RESUME_POLL_MS: '500',
        SALES_PROCESS_LEASE_MS: '2000',
        CONTACTS_URL: 'http://contacts:3001',
        CRM_SEED_DEMO: 'true',
      }),
    ).toEqual({
      reminderPollMs: 1_000,
      quoteExpiryPollMs: 30_000,
      referenceWaitMs: 0,
      processResumePollMs: 500,
      processLeaseMs: 2_000,
      contactsUrl: 'http://contacts:3001',
      seedDemo: true,
    });
  });

  it.each([
    // Number('abc') was NaN: the scheduler then polled every millisecond.
    ['SALES_REMINDER_POLL_MS', 'abc'],
    ['SALES_REMINDER_POLL_MS', '0'],
    ['SALES_QUOTE_EXPIRY_POLL_MS', '1.5'],
    ['SALES_REFERENCE_WAIT_MS', '-1'],
    ['SALES_PROCESS_LEASE_MS', '50'],
    ['CONTACTS_URL', 'contacts:3001'],
    ['CONTACTS_URL', 'ftp://contacts'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    const load = () => loadSalesConfig({ [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
