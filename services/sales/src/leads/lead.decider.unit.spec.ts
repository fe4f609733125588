import { deciderSpec } from '@crm/event-sourcing/testing';
import type { LeadEvent } from './lead.events';
import { leadDecider } from './lead.decider';
import { scoreLead } from './lead-scoring';
import { ERASED_PROFILE } from './lead-personal-data';

const given = deciderSpec(leadDecider);
const at = '2026-11-23T09:00:00Z';
const profile = { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' };

const captured: LeadEvent = {
  type: 'LeadCaptured',
  data: { leadId: 'lead-1', source: 'web_form', campaignId: 'cmp-1', profile, capturedAt: at },
};
const firstScore = scoreLead({ profile, source: 'web_form', interactions: 0, campaignClicks: 0 });
const scored: LeadEvent = {
  type: 'LeadScored',
  data: {
    leadId: 'lead-1',
    score: firstScore.score,
    previousScore: 0,
    reasons: firstScore.reasons,
  },
};
const working: LeadEvent = {
  type: 'LeadWorkStarted',
  data: { leadId: 'lead-1', ownerId: 'rep-1', at },
};
const qualified: LeadEvent = { type: 'LeadQualified', data: { leadId: 'lead-1', at } };
const convert = {
  type: 'StartLeadConversion' as const,
  data: {
    conversionId: 'conv-1',
    attempt: 1,
    newContactId: 'contact-9',
    newCompanyId: 'company-9',
    opportunityId: 'opp-9',
    at,
  },
};
const started: LeadEvent = {
  type: 'LeadConversionStarted',
  data: {
    leadId: 'lead-1',
    conversionId: 'conv-1',
    attempt: 1,
    contactId: 'contact-9',
    contactCreated: true,
    companyId: 'company-9',
    companyCreated: true,
    opportunityId: 'opp-9',
    at,
  },
};

describe('Lead decider', () => {
  describe('capture', () => {
    it('captures a lead with source and campaign, and scores it with reasons', () => {
      given([])
        .when({
          type: 'CaptureLead',
          data: { leadId: 'lead-1', source: 'web_form', campaignId: 'cmp-1', profile, at },
        })
        .then([captured, scored]);
      expect(firstScore.reasons.map((r) => r.rule)).toEqual([
        'profile.email',
        'profile.company',
        'source',
      ]);
      expect(firstScore.score).toBe(30);
    });

    it('stores a phone typed with spaces in E.164, as the contacts service does', () => {
      given([])
        .when({
          type: 'CaptureLead',
          data: {
            leadId: 'lead-1',
            source: 'manual',
            profile: { name: 'Ada', phone: '+49 151 1234 5678' },
            at,
          },
        })
        .thenState((state) =>
          expect(state.profile).toEqual({ name: 'Ada', phone: '+4915112345678' }),
        );
    });

    it('normalises the email and drops blank optional fields', () => {
      given([])
        .when({
          type: 'CaptureLead',
          data: {
            leadId: 'lead-1',
            source: 'manual',
            profile: { name: ' Ada ', email: 'ADA@Example.com', phone: ' ' },
            at,
          },
        })
        .thenState((state) =>
          expect(state.profile).toEqual({ name: 'Ada', email: 'ada@example.com' }),
        );
    });

    it.each([
      [{ name: '' }, 'RequiredText'],
      [{ name: 'Ada', email: 'not-an-email' }, 'InvalidEmail'],
      [{ name: 'Ada', phone: '0151 1234567' }, 'InvalidPhone'],
      [{ name: 'Ada', phone: '+999123' }, 'InvalidPhone'],
      // Sales took this one and the contacts service refused it on conversion: one rule now.
      [{ name: 'Ada', email: 'a@b.c' }, 'InvalidEmail'],
      [{ name: 'a'.repeat(201) }, 'TextTooLong'],
    ])('rejects a bad profile %j with %s', (badProfile, code) => {
      given([])
        .when({
          type: 'CaptureLead',
          data: { leadId: 'lead-1', source: 'manual', profile: badProfile, at },
        })
        .thenThrows(code);
    });

    it('rejects an unknown source', () => {
      given([])
        .when({
          type: 'CaptureLead',
          data: { leadId: 'lead-1', source: 'fax' as never, profile, at },
        })
        .thenThrows('InvalidLeadSource');
    });

    it('cannot capture the same lead twice', () => {
      given([captured, scored])
        .when({ type: 'CaptureLead', data: { leadId: 'lead-1', source: 'web_form', profile, at } })
        .thenThrows('LeadAlreadyExists');
    });

    it('refuses commands for a lead that does not exist', () => {
      given([]).when({ type: 'QualifyLead', data: { at } }).thenThrows('LeadNotFound');
    });
  });

  describe('scoring', () => {
    it('rescores as engagement arrives, keeping the previous score', () => {
      const after = scoreLead({ profile, source: 'web_form', interactions: 1, campaignClicks: 0 });
      given([captured, scored])
        .when({ type: 'RecordLeadEngagement', data: { kind: 'interaction', at } })
        .then([
          {
            type: 'LeadEngagementRecorded',
            data: { leadId: 'lead-1', kind: 'interaction', occurredAt: at },
          },
          {
            type: 'LeadScored',
            data: { leadId: 'lead-1', score: 35, previousScore: 30, reasons: after.reasons },
          },
        ]);
    });

    it('records a capped signal without a LeadScored event when the score does not move', () => {
      const click = (n: number): LeadEvent => ({
        type: 'LeadEngagementRecorded',
        data: { leadId: 'lead-1', kind: 'campaign-click', occurredAt: `${at}-${n}` },
      });
      const clicks = [1, 2, 3, 4, 5].map(click);
      const capped = scoreLead({ profile, source: 'web_form', interactions: 0, campaignClicks: 5 });
      // After 5 clicks (15 points, the cap) only the click count in the reason text changes.
      given([
        captured,
        scored,
        ...clicks,
        {
          type: 'LeadScored',
          data: {
            leadId: 'lead-1',
            score: capped.score,
            previousScore: 30,
            reasons: capped.reasons,
          },
        },
      ])
        .when({
          type: 'RecordLeadEngagement',
          data: { kind: 'campaign-click', campaignId: 'cmp-1', at },
        })
        .then([
          {
            type: 'LeadEngagementRecorded',
            data: { leadId: 'lead-1', kind: 'campaign-click', campaignId: 'cmp-1', occurredAt: at },
          },
        ]);
      expect(capped.score).toBe(45);
    });

    it('rescores when the profile changes (a decision maker with a phone)', () => {
      given([captured, scored])
        .when({
          type: 'UpdateLeadProfile',
          data: { profile: { ...profile, phone: '+4915112345678', jobTitle: 'VP Sales' } },
        })
        .thenState((state) => {
          expect(state.score).toBe(60);
          expect(state.reasons.find((r) => r.rule === 'profile.seniority')).toMatchObject({
            points: 20,
          });
        });
    });

    it('ignores engagement on a converted lead', () => {
      given([
        captured,
        scored,
        working,
        qualified,
        {
          type: 'LeadConverted',
          data: {
            leadId: 'lead-1',
            contactId: 'c',
            contactCreated: true,
            companyCreated: false,
            opportunityId: 'o',
            profile,
            at,
          },
        },
      ])
        .when({ type: 'RecordLeadEngagement', data: { kind: 'interaction', at } })
        .thenNothingHappened();
    });

    it('never exceeds 100', () => {
      const full = scoreLead({
        profile: {
          name: 'x',
          email: 'a@b.co',
          phone: '+4915112345678',
          company: 'c',
          jobTitle: 'CEO',
          interest: 'cars',
        },
        source: 'referral',
        interactions: 10,
        campaignClicks: 10,
      });
      expect(full.score).toBe(100);
      expect(full.reasons.reduce((s, r) => s + r.points, 0)).toBe(110);
    });
  });

  describe('status machine', () => {
    it('new -> working -> qualified', () => {
      given([captured, scored])
        .when({ type: 'StartWorkingLead', data: { ownerId: 'rep-1', at } })
        .then([working]);
      given([captured, scored, working])
        .when({ type: 'QualifyLead', data: { at } })
        .then([qualified]);
    });

    it('cannot qualify a lead nobody has worked on', () => {
      given([captured, scored])
        .when({ type: 'QualifyLead', data: { at } })
        .thenThrows('InvalidLeadTransition');
    });

    it('qualifying twice is a no-op', () => {
      given([captured, scored, working, qualified])
        .when({ type: 'QualifyLead', data: { at } })
        .thenNothingHappened();
    });

    it('disqualifies with a reason from any open status', () => {
      given([captured, scored, working])
        .when({ type: 'DisqualifyLead', data: { reason: 'No budget', at } })
        .then([{ type: 'LeadDisqualified', data: { leadId: 'lead-1', reason: 'No budget', at } }]);
      given([captured, scored])
        .when({ type: 'DisqualifyLead', data: { reason: '  ', at } })
        .thenThrows('RequiredText');
    });

    it('a disqualified lead cannot be worked, qualified or edited', () => {
      const disqualified: LeadEvent = {
        type: 'LeadDisqualified',
        data: { leadId: 'lead-1', reason: 'spam', at },
      };
      given([captured, scored, disqualified])
        .when({ type: 'StartWorkingLead', data: { ownerId: 'rep-1', at } })
        .thenThrows('InvalidLeadTransition');
      given([captured, scored, disqualified])
        .when({ type: 'UpdateLeadProfile', data: { profile } })
        .thenThrows('LeadClosed');
      given([captured, scored, disqualified]).when(convert).thenThrows('InvalidLeadTransition');
    });
  });

  describe('erasure', () => {
    const erased: LeadEvent = { type: 'LeadPersonalDataErased', data: { leadId: 'lead-1', at } };

    it('records the erasure once, and the profile reads as erased from then on', () => {
      given([captured, scored])
        .when({ type: 'EraseLeadPersonalData', data: { at } })
        .then([erased]);
      given([captured, scored])
        .when({ type: 'EraseLeadPersonalData', data: { at } })
        .thenState((s) => expect(s).toMatchObject({ erased: true, profile: ERASED_PROFILE }));
      given([captured, scored, erased])
        .when({ type: 'EraseLeadPersonalData', data: { at } })
        .thenNothingHappened();
      given([]).when({ type: 'EraseLeadPersonalData', data: { at } }).thenThrows('LeadNotFound');
    });
  });

  describe('conversion', () => {
    const finish = { type: 'ConvertLead' as const, data: { conversionId: 'conv-1', at } };
    const convertedByIt: LeadEvent = {
      type: 'LeadConverted',
      data: {
        leadId: 'lead-1',
        conversionId: 'conv-1',
        contactId: 'contact-9',
        contactCreated: true,
        companyId: 'company-9',
        companyCreated: true,
        opportunityId: 'opp-9',
        profile,
        at,
      },
    };

    it('records the decision first (every id it will create), then converts onto exactly those', () => {
      given([captured, scored, working, qualified]).when(convert).then([started]);
      given([captured, scored, working, qualified, started]).when(finish).then([convertedByIt]);
      given([captured, scored, working, qualified, started])
        .when(convert)
        .thenState((s) => expect(s).toMatchObject({ status: 'converting', conversionAttempts: 1 }));
    });

    it('takes the same decision or the same conversion again as done (retries, resumes)', () => {
      given([captured, scored, working, qualified, started]).when(convert).thenNothingHappened();
      given([captured, scored, working, qualified, started, convertedByIt])
        .when(convert)
        .thenNothingHappened();
      given([captured, scored, working, qualified, started, convertedByIt])
        .when(finish)
        .thenNothingHappened();
    });

    it('refuses another conversion while one is in flight, and edits of a converting lead', () => {
      const other = { ...convert, data: { ...convert.data, conversionId: 'conv-2' } };
      given([captured, scored, working, qualified, started])
        .when(other)
        .thenThrows(
          (e: any) => e.code === 'LeadConversionInProgress' && e.details.conversionId === 'conv-1',
        );
      given([captured, scored, working, qualified, started])
        .when({ type: 'DisqualifyLead', data: { reason: 'changed mind', at } })
        .thenThrows('LeadConversionInProgress');
      given([captured, scored, working, qualified, started])
        .when({ type: 'ConvertLead', data: { conversionId: 'conv-2', at } })
        .thenThrows('InvalidLeadTransition');
    });

    it('an abandoned conversion makes the lead qualified again, for a next attempt', () => {
      const abandon = {
        type: 'AbandonLeadConversion' as const,
        data: { conversionId: 'conv-1', reason: 'contacts refused the email', at },
      };
      const abandoned: LeadEvent = {
        type: 'LeadConversionAbandoned',
        data: {
          leadId: 'lead-1',
          conversionId: 'conv-1',
          reason: 'contacts refused the email',
          at,
        },
      };
      given([captured, scored, working, qualified, started]).when(abandon).then([abandoned]);
      given([captured, scored, working, qualified, started, abandoned])
        .when(abandon)
        .thenNothingHappened();
      const second = { ...convert, data: { ...convert.data, conversionId: 'conv-2', attempt: 2 } };
      given([captured, scored, working, qualified, started, abandoned])
        .when(second)
        .thenState((s) =>
          expect(s).toMatchObject({
            status: 'converting',
            conversion: { conversionId: 'conv-2' },
            conversionAttempts: 2,
          }),
        );
    });

    it('links to an existing contact and company instead of creating them', () => {
      given([captured, scored, working, qualified])
        .when({
          ...convert,
          data: { ...convert.data, existingContactId: 'contact-1', existingCompanyId: 'company-1' },
        })
        .then([
          {
            type: 'LeadConversionStarted',
            data: {
              ...(started.data as object),
              contactId: 'contact-1',
              contactCreated: false,
              companyId: 'company-1',
              companyCreated: false,
            } as any,
          },
        ]);
    });

    it('needs a company id when the lead names a company', () => {
      given([captured, scored, working, qualified])
        .when({ ...convert, data: { ...convert.data, newCompanyId: undefined } })
        .thenThrows('CompanyRequired');
    });

    it('converting again with another conversion is a clear error that names the first one', () => {
      const again = { ...convert, data: { ...convert.data, conversionId: 'conv-2', attempt: 2 } };
      given([captured, scored, working, qualified, started, convertedByIt])
        .when(again)
        .thenThrows(
          (e: any) => e.code === 'LeadAlreadyConverted' && e.details.opportunityId === 'opp-9',
        );
    });

    it('cannot convert a lead that is not qualified', () => {
      given([captured, scored, working]).when(convert).thenThrows('InvalidLeadTransition');
    });
  });
});
