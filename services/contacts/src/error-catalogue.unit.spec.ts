/**
 * Every error contacts can answer with is declared once, in a `*.errors.ts` catalogue beside its
 * decider: one code, one kind, one HTTP status, one problem type. The source scan fails the build
 * when someone writes `new DomainError(` in service code instead of adding a catalogue entry.
 */
import { auditServiceErrors } from '@crm/platform/testing';

describe('contacts error catalogues', () => {
  const audit = auditServiceErrors(__dirname);

  it('declare each code once, with one kind that maps to one status and problem type', () => {
    expect(audit.entries.length).toBeGreaterThan(20);
    expect(audit.problems).toEqual([]);
  });

  it('are where each error the service throws comes from', () => {
    expect(audit.entries.map((e) => e.code)).toEqual(
      expect.arrayContaining(['ContactNotFound', 'ContactAlreadyMerged', 'AddressNotFound']),
    );
  });
});
