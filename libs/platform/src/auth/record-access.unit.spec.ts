import { DomainError } from '@crm/event-sourcing';
import { mayChangeRecord, requireRecordAccess } from './record-access';
import type { AuthenticatedUser, Role } from './user';

const as = (sub: string, roles: Role[], team?: string[]): AuthenticatedUser => ({
  sub,
  tenant: 'acme',
  roles,
  ...(team ? { team } : {}),
});

describe('record-level access policy', () => {
  it('a rep changes what they own or are assigned, and the unowned pool; not another rep’s', () => {
    const rep1 = as('rep-1', ['sales-rep']);
    expect(mayChangeRecord(rep1, ['rep-1'])).toBe(true);
    expect(mayChangeRecord(rep1, ['rep-2', 'rep-1'])).toBe(true);
    expect(mayChangeRecord(rep1, [undefined, null, ''])).toBe(true);
    expect(mayChangeRecord(rep1, ['rep-2'])).toBe(false);
    expect(mayChangeRecord(rep1, ['admin-1', undefined])).toBe(false);
  });

  it("a manager with a team changes their team's and their own records; without the claim, all", () => {
    const lead = as('boss', ['sales-manager'], ['rep-1', 'rep-2']);
    expect(mayChangeRecord(lead, ['rep-2'])).toBe(true);
    expect(mayChangeRecord(lead, ['boss'])).toBe(true);
    expect(mayChangeRecord(lead, ['rep-9'])).toBe(false);
    expect(mayChangeRecord(as('boss', ['sales-manager'], []), ['rep-1'])).toBe(false);
    expect(mayChangeRecord(as('boss', ['sales-manager']), ['rep-9'])).toBe(true);
  });

  it('admins, integrations and marketing change every record; analysts and customers none', () => {
    for (const role of ['admin', 'integrator', 'marketer'] as const)
      expect(mayChangeRecord(as('x', [role]), ['rep-2'])).toBe(true);
    for (const role of ['analyst', 'customer'] as const) {
      expect(mayChangeRecord(as('x', [role]), ['rep-2'])).toBe(false);
      expect(mayChangeRecord(as('x', [role]), [])).toBe(false);
    }
  });

  it('roles add up: any role that allows the change is enough', () => {
    expect(mayChangeRecord(as('rep-1', ['sales-rep', 'admin']), ['rep-2'])).toBe(true);
    expect(mayChangeRecord(as('rep-1', ['analyst', 'sales-rep']), ['rep-1'])).toBe(true);
  });

  it('refuses with the 403 NotYourRecord naming the record', () => {
    const error = (() => {
      try {
        requireRecordAccess(as('rep-1', ['sales-rep']), 'opportunity', ['rep-2']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'NotYourRecord',
      kind: 'forbidden',
      details: { record: 'opportunity' },
    });
    expect(() =>
      requireRecordAccess(as('rep-2', ['sales-rep']), 'opportunity', ['rep-2']),
    ).not.toThrow();
  });
});
