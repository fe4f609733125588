import { isRequired, parseRequiredServices } from './required';

describe('CRM_TEST_REQUIRE', () => {
  it('lists nothing when unset or empty', () => {
    expect([...parseRequiredServices(undefined)]).toEqual([]);
    expect([...parseRequiredServices(' , ')]).toEqual([]);
  });

  it('accepts the documented names and their aliases, in any case and spacing', () => {
    expect([...parseRequiredServices('postgres,kafka')]).toEqual(['postgres', 'kafka']);
    expect([...parseRequiredServices(' PostgreSQL , KurrentDB,eventstoredb ')]).toEqual([
      'postgres',
      'eventstore',
    ]);
  });

  it('rejects a misspelt service instead of silently requiring nothing', () => {
    expect(() => parseRequiredServices('postgres,kafak')).toThrow(/unknown service\(s\) kafak/);
  });

  it('answers per service from the environment it is given', () => {
    const env = { CRM_TEST_REQUIRE: 'kafka' };
    expect(isRequired('kafka', env)).toBe(true);
    expect(isRequired('postgres', env)).toBe(false);
  });
});
