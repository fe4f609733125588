import { DomainError } from '@crm/event-sourcing';
import { checkHeader, readImportRow } from './import-row';

const TODAY = '2026-06-15';
const rejectionOf = (record: Record<string, string>) => {
  try {
    readImportRow(record, {}, TODAY);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the row was accepted');
};

describe('import rows holding text PostgreSQL refuses', () => {
  it.each([
    ['a NUL', 'given_name', 'A\u0000'],
    ['a lone surrogate', 'family_name', '\ud800x'],
    ['a NUL in a custom field', 'cf_tier', 'gold\u0000'],
  ])('%s rejects the row naming the column', (_, column, value) => {
    const error = rejectionOf({ email: 'a@example.com', [column]: value });
    expect(error).toMatchObject({ code: 'InvalidCharacters', details: { field: column } });
  });

  it('an emoji is fine', () => {
    expect(() =>
      readImportRow({ email: 'a@example.com', given_name: 'Zoë 😀' }, {}, TODAY),
    ).not.toThrow();
  });

  it('an unknown header holding a NUL is named printably', () => {
    expect(() => checkHeader(['email', 'bad\u0000col'])).toThrow(
      expect.objectContaining({
        code: 'UnknownImportColumn',
        details: { field: 'bad\uFFFDcol' },
        message: expect.not.stringContaining('\u0000'),
      }),
    );
  });
});
