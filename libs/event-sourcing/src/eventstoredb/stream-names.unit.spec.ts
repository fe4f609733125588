import { categoryOf } from '../event-store';
import {
  decodeTenant,
  encodeTenant,
  eventTypeRegex,
  fromStreamName,
  streamNameRegex,
  toStreamName,
} from './stream-names';

describe('EventStoreDB stream names', () => {
  it('puts the tenant first, so tenant and tenant+category are name prefixes', () => {
    expect(toStreamName({ tenant: 'acme', id: 'contact-42' })).toBe('acme.contact-42');
  });

  it('round-trips tenants containing the separators', () => {
    for (const tenant of ['acme', 'a.b', 'a-b', '100%', '3f2a-1b.c%d', 'Zoë']) {
      expect(decodeTenant(encodeTenant(tenant))).toBe(tenant);
      const name = toStreamName({ tenant, id: 'contact-x.y-z' });
      expect(encodeTenant(tenant)).not.toMatch(/[.-]/);
      expect(fromStreamName(name)).toEqual({ tenant, id: 'contact-x.y-z' });
    }
  });

  it('ignores system and foreign streams in $all', () => {
    expect(fromStreamName('$ce-contact')).toBeUndefined();
    expect(fromStreamName('no-tenant-here')).toBeUndefined();
    expect(fromStreamName('.x')).toBeUndefined();
  });

  it('builds a stream-name regex that matches exactly the tenant and categories asked for', () => {
    const names = [
      'acme.contact-1',
      'acme.contacts-1',
      'acme.company-1',
      'acme.contact',
      'other.contact-1',
      'acme%2E.contact-1',
    ];
    const matching = (regex: string | undefined) => names.filter((n) => new RegExp(regex!).test(n));
    expect(streamNameRegex()).toBeUndefined();
    expect(matching(streamNameRegex('acme'))).toEqual([
      'acme.contact-1',
      'acme.contacts-1',
      'acme.company-1',
      'acme.contact',
    ]);
    expect(matching(streamNameRegex('acme', ['contact']))).toEqual([
      'acme.contact-1',
      'acme.contact',
    ]);
    expect(matching(streamNameRegex(undefined, ['contact', 'company']))).toEqual([
      'acme.contact-1',
      'acme.company-1',
      'acme.contact',
      'other.contact-1',
      'acme%2E.contact-1',
    ]);
    expect(matching(streamNameRegex('acme', []))).toEqual([]);
    // Agrees with the port's notion of a category.
    for (const n of matching(streamNameRegex(undefined, ['contact']))) {
      expect(categoryOf(fromStreamName(n)!.id)).toBe('contact');
    }
  });

  it('builds an exact event-type regex with metacharacters escaped', () => {
    const regex = new RegExp(eventTypeRegex(['Contact.Registered', 'LeadOpened']));
    expect(
      ['Contact.Registered', 'LeadOpened', 'ContactXRegistered', 'LeadOpenedV2'].filter((t) =>
        regex.test(t),
      ),
    ).toEqual(['Contact.Registered', 'LeadOpened']);
  });
});
