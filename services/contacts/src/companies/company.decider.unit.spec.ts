import { deciderSpec } from '@crm/event-sourcing/testing';
import { fieldError } from '../testing/field-error';
import { companyDecider } from './company.decider';
import type { CompanyEvent } from './company.events';

const given = deciderSpec(companyDecider);
const registered: CompanyEvent = {
  type: 'CompanyRegistered',
  data: {
    companyId: 'co1',
    name: 'Analytical Engines Ltd',
    domain: 'engines.example',
    addresses: [],
  },
};

describe('company decider', () => {
  it('registers with a bare lower-case domain', () =>
    given([])
      .when({
        type: 'RegisterCompany',
        data: {
          companyId: 'co1',
          name: ' Analytical Engines Ltd ',
          domain: 'https://WWW.Engines.Example/about',
          sizeBand: '10-49',
        },
      })
      .then([
        {
          type: 'CompanyRegistered',
          data: {
            companyId: 'co1',
            name: 'Analytical Engines Ltd',
            domain: 'engines.example',
            sizeBand: '10-49',
            addresses: [],
          },
        },
      ]));

  it.each([
    ['an invalid domain', { domain: 'not a domain' }, 'InvalidDomain', 'domain'],
    ['an unknown size band', { sizeBand: 'huge' }, 'NotAllowedValue', 'sizeBand'],
    ['an empty name', { name: ' ' }, 'RequiredText', 'name'],
    ['itself as parent', { parentCompanyId: 'co1' }, 'CompanyHierarchyCycle', 'parentCompanyId'],
  ])('rejects %s', (_why, overrides, code, field) =>
    given([])
      .when({
        type: 'RegisterCompany',
        data: { companyId: 'co1', name: 'X', ...(overrides as object) },
      })
      .thenThrows(fieldError(code, field)),
  );

  it('refuses a parent whose ancestry contains the company (indirect cycle)', () =>
    given([registered])
      .when({
        type: 'UpdateCompany',
        data: { parentCompanyId: 'co3', parentAncestry: ['co2', 'co1'] },
      })
      .thenThrows('CompanyHierarchyCycle'));

  it('records only changed details and the parent separately', () =>
    given([registered])
      .when({
        type: 'UpdateCompany',
        data: {
          name: 'Analytical Engines Ltd',
          industry: 'Computing',
          domain: null,
          parentCompanyId: 'co9',
        },
      })
      .then([
        { type: 'CompanyDetailsChanged', data: { domain: null, industry: 'Computing' } },
        { type: 'CompanyParentChanged', data: { parentCompanyId: 'co9' } },
      ]));

  it('clearing a field removes it from state', () =>
    given([registered])
      .when({ type: 'UpdateCompany', data: { domain: null } })
      .thenState((s) => expect(s.domain).toBeUndefined()));

  it('manages addresses with one primary', () =>
    given([
      registered,
      {
        type: 'CompanyAddressAdded',
        data: { addressId: 'a1', primary: true, lines: ['1 St'], city: 'London', country: 'GB' },
      },
    ])
      .when({
        type: 'AddCompanyAddress',
        data: { addressId: 'a2', primary: true, lines: ['2 St'], city: 'Leeds', country: 'gb' },
      })
      .thenState((s) =>
        expect(s.addresses.map((a) => [a.addressId, a.primary])).toEqual([
          ['a1', false],
          ['a2', true],
        ]),
      ));

  it('an archived company refuses changes; archiving again is a no-op', () => {
    const archived: CompanyEvent = { type: 'CompanyArchived', data: {} };
    given([registered, archived])
      .when({ type: 'UpdateCompany', data: { name: 'Y' } })
      .thenThrows('CompanyArchived');
    given([registered, archived]).when({ type: 'ArchiveCompany', data: {} }).thenNothingHappened();
  });

  it('commands for a missing company are not found', () =>
    given([]).when({ type: 'ArchiveCompany', data: {} }).thenThrows('CompanyNotFound'));
});
