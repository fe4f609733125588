import { parseImportCliArgs } from './import-cli-args';

describe('import CLI arguments', () => {
  const options = { defaultUrl: 'http://127.0.0.1:3009', fileRequired: 'a test file is required' };

  it('reads the file, token, url, import id and dry run', () => {
    expect(
      parseImportCliArgs(
        ['f.csv', '--url', 'http://h:1', '--token', 't', '--import-id', 'i-1', '--dry-run'],
        {},
        options,
      ),
    ).toEqual({ file: 'f.csv', token: 't', url: 'http://h:1', importId: 'i-1', dryRun: true });
  });

  it('falls back to CRM_TOKEN, the default url, no import id and a real run', () => {
    expect(parseImportCliArgs(['f.csv'], { CRM_TOKEN: 'env-t' }, options)).toEqual({
      file: 'f.csv',
      token: 'env-t',
      url: 'http://127.0.0.1:3009',
      importId: undefined,
      dryRun: false,
    });
    expect(
      parseImportCliArgs(['f.csv', '--token', 'flag'], { CRM_TOKEN: 'env' }, options),
    ).toMatchObject({
      token: 'flag',
    });
  });

  it('says what is missing, the file first', () => {
    expect(parseImportCliArgs([], {}, options)).toEqual({ usageError: 'a test file is required' });
    expect(parseImportCliArgs(['--token', 't'], {}, options)).toEqual({
      usageError: 'a test file is required',
    });
    expect(parseImportCliArgs(['f.csv'], {}, options)).toEqual({
      usageError: 'a token is required (--token or CRM_TOKEN)',
    });
  });

  it('refuses an option it does not know', () => {
    expect(() => parseImportCliArgs(['f.csv', '--bogus'], { CRM_TOKEN: 't' }, options)).toThrow();
  });
});
