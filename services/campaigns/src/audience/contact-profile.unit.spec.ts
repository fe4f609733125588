/** Contact events and states as audience columns: whole profiles, patches, consent. */
import {
  consentOfState,
  EMPTY_PROFILE,
  profilePatch,
  UNKNOWN_CONSENT,
  wholeProfile,
} from './contact-profile';

describe('contact profile columns', () => {
  it('a registration is the whole profile (absent members empty)', () => {
    expect(
      wholeProfile({
        contactId: 'c-1',
        displayName: 'Ada Lovelace',
        lifecycleStage: 'lead',
        emails: [
          { address: 'ada@work.example', primary: false },
          { address: 'ada@home.example', primary: true },
        ],
        addresses: [
          { addressId: 'a1', primary: true, lines: ['1 Way'], city: 'London', country: 'GB' },
        ],
        demographics: { birthDate: '1815-12-10', gender: 'female' },
        bestTimeToCall: { timeZone: 'Europe/London', windows: [] },
        tags: ['vip'],
        customFields: { fleet: 3 },
      }),
    ).toEqual({
      ...EMPTY_PROFILE,
      display_name: 'Ada Lovelace',
      email: 'ada@home.example',
      lifecycle_stage: 'lead',
      status: 'active',
      tags: ['vip'],
      custom_fields: { fleet: 3 },
      birth_date: '1815-12-10',
      gender: 'female',
      time_zone: 'Europe/London',
      country: 'GB',
    });
  });

  it('a change sets only the members it carries; null clears', () => {
    expect(
      profilePatch({ contactId: 'c-1', changed: ['tags'], tags: ['a', 'b'] } as never),
    ).toEqual({ tags: ['a', 'b'] });
    expect(
      profilePatch({
        contactId: 'c-1',
        changed: ['demographics', 'bestTimeToCall', 'ownerId'],
        demographics: null,
        bestTimeToCall: null,
        ownerId: null,
      } as never),
    ).toEqual({
      birth_date: null,
      age_band: null,
      gender: null,
      household_income_band: null,
      time_zone: null,
      owner_id: null,
    });
    // A change named but not carried (recorded before it was, or replayed after an erase).
    expect(profilePatch({ contactId: 'c-1', changed: ['emails'] } as never)).toEqual({});
  });

  it('the name: given and family from `name`, a part it lacks cleared, absent when not carried', () => {
    expect(wholeProfile({ name: { given: 'Ada', family: 'Lovelace' } })).toMatchObject({
      given_name: 'Ada',
      family_name: 'Lovelace',
    });
    expect(wholeProfile({})).toMatchObject({ given_name: null, family_name: null });
    expect(profilePatch({ name: { family: 'King' } })).toEqual({
      given_name: null,
      family_name: 'King',
    });
    expect(profilePatch({ displayName: 'Ada King' })).toEqual({ display_name: 'Ada King' });
  });

  it('the primary email: primaryEmail when carried, else the flagged entry of the list', () => {
    expect(
      profilePatch({ emails: [{ address: 'x@y.example', primary: true }], primaryEmail: null }),
    ).toEqual({ email: null });
    expect(profilePatch({ emails: [] })).toEqual({ email: null });
    expect(profilePatch({ phones: [{ number: '+4915112345678', primary: true }] })).toEqual({
      phone: '+4915112345678',
    });
  });

  it('consent of a state: every channel, unknown where never decided', () => {
    expect(consentOfState({ email: { status: 'withdrawn' }, sms: { status: 'granted' } })).toEqual({
      ...UNKNOWN_CONSENT,
      email: 'withdrawn',
      sms: 'granted',
    });
    expect(consentOfState(undefined)).toEqual(UNKNOWN_CONSENT);
  });
});
