import { parseEmail, parsePhoneNumber } from '@crm/values';
import { demoCompanies, demoContacts } from './demo-data';

describe('demo data', () => {
  it('is reproducible and valid for the domain rules', () => {
    const a = demoContacts(500, 20);
    expect(demoContacts(500, 20)).toEqual(a);
    expect(new Set(a.map((c) => c.email)).size).toBe(500);
    for (const c of a) {
      expect(parseEmail(c.email, 'email')).toBe(c.email);
      if (c.phone) expect(parsePhoneNumber(c.phone, 'phone')).toBe(c.phone);
      if (c.companyIndex !== undefined) expect(c.companyIndex).toBeLessThan(20);
    }
    expect(a.filter((c) => c.phone).length).toBeGreaterThan(250);
    expect(new Set(demoCompanies(50).map((c) => c.domain)).size).toBe(50);
  });
});
