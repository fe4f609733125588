import { ConfigError } from '@crm/platform';
import { loadContactsConfig } from './contacts.config';

describe('contacts configuration', () => {
  it('has defaults for everything', () => {
    expect(loadContactsConfig({})).toEqual({
      importConcurrency: 8,
      importMaxBytes: 256 * 1024 * 1024,
      seedDemo: false,
    });
  });

  it('reads each variable', () => {
    expect(
      loadContactsConfig({
        CONTACTS_IMPORT_CONCURRENCY: '4',
        CONTACTS_IMPORT_MAX_BYTES: '1048576',
        CRM_SEED_DEMO: 'true',
      }),
    ).toEqual({ importConcurrency: 4, importMaxBytes: 1_048_576, seedDemo: true });
  });

  it.each([
    ['CONTACTS_IMPORT_CONCURRENCY', 'eight'],
    ['CONTACTS_IMPORT_CONCURRENCY', '0'],
    ['CONTACTS_IMPORT_MAX_BYTES', '256MiB'],
    ['CRM_SEED_DEMO', 'maybe'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    const load = () => loadContactsConfig({ [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
