import { CompanyStateTopic, ContactStateTopic, findStateTopic } from '@crm/contracts';
import { recordedEvent } from '@crm/event-sourcing/testing';
import { companyStateSource, contactStateSource, contactsStateSources } from './contacts-state';

const recorded = recordedEvent;

describe('contacts state sources: which records an event touches', () => {
  it('publish the catalogued state topics', () => {
    expect(contactsStateSources.map((s) => s.stateType)).toEqual([
      ContactStateTopic.type,
      CompanyStateTopic.type,
    ]);
    for (const source of contactsStateSources)
      expect(findStateTopic(source.stateType)).toBeDefined();
  });

  it('a contact event touches its contact; a consent decision the contact it is about', () => {
    expect(contactStateSource.categories).toEqual(['contact', 'consent']);
    expect(
      contactStateSource.subjectsOf(recorded('contact-c1', 'ContactTagged', { tags: ['vip'] })),
    ).toEqual(['c1']);
    expect(
      contactStateSource.subjectsOf(
        recorded('consent-c1', 'ConsentGranted', { contactId: 'c1', channel: 'email' }),
      ),
    ).toEqual(['c1']);
    expect(
      contactStateSource.subjectsOf(
        recorded('contact-c1', 'ContactErased', { erasedAt: '2026-11-23T10:00:00.000Z' }),
      ),
    ).toEqual(['c1']);
  });

  it('a merge touches the duplicate (now a tombstone) and its survivor', () =>
    expect(
      contactStateSource.subjectsOf(
        recorded('contact-c2', 'ContactMerged', { contactId: 'c2', survivorId: 'c1' }),
      ),
    ).toEqual(['c2', 'c1']));

  it('a company event touches its company only', () => {
    expect(companyStateSource.categories).toEqual(['company']);
    expect(companyStateSource.subjectsOf(recorded('company-co1', 'CompanyArchived'))).toEqual([
      'co1',
    ]);
  });
});
