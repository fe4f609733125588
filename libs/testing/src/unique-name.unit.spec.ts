import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps a readable prefix and yields a legal, collision-free Kafka topic name', () => {
    const names = Array.from({ length: 500 }, () => uniqueName('crm.contacts_v1 Relay'));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^crm-contacts-v1-relay-[a-z0-9]+-[0-9a-f]{8}$/);
      expect(name.length).toBeLessThanOrEqual(249);
    }
  });

  it('falls back to a generic prefix when nothing usable is left', () => {
    expect(uniqueName('...')).toMatch(/^test-/);
  });
});
