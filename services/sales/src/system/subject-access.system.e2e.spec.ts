/**
 * Right of access across the CRM (issue 12), the two services as separate processes: the
 * contacts export (`GET /contacts/{id}/export`) gathers what sales holds about the person (the
 * lead they were, its call notes, the deal, their own activities) through sales'
 * `GET /subjects/{contactId}/personal-data`, asked with the requester's token. On the way, the
 * lead's conversion moves the contact's lifecycle stage (contacts consumes lead.converted).
 */
import { CAR_PIPELINE } from '../testing/fixtures';
import { eventually } from '@crm/testing';
import { useRunningCrm } from '@crm/platform/testing';

const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('subject access request across contacts and sales (system e2e, embedded transport)', () => {
  const crm = useRunningCrm(() => undefined);

  it("the contacts export carries sales' lead, call notes, deal and activities of the person", async () => {
    const { sales, contacts } = crm();
    const ok = (res: { status: number; body: any }, what: string) => {
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const pipelineId = ok(
      await sales.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }),
      'pipeline',
    ).id;
    const leadId = ok(
      await sales.request('POST', '/leads', {
        as: rep,
        body: {
          source: 'web_form',
          profile: {
            name: 'Katherine Johnson',
            email: 'katherine@example.com',
            phone: '+4915112345679',
          },
        },
      }),
      'lead',
    ).id;
    // A call while they were a lead: its notes are personal data sales holds.
    ok(
      await sales.request('POST', '/activities', {
        as: rep,
        body: {
          kind: 'call',
          subject: 'First call',
          leadId,
          phone: '+4915112345679',
          heldAt: hoursAgo(3),
          outcome: 'connected',
          notes: 'Computes trajectories by hand; prefers calls after 4 pm',
        },
      }),
      'lead call',
    );
    ok(await sales.request('POST', `/leads/${leadId}/work`, { as: rep, body: {} }), 'work');
    ok(await sales.request('POST', `/leads/${leadId}/qualify`, { as: rep }), 'qualify');
    const conversion = ok(
      await sales.request('POST', `/leads/${leadId}/convert`, {
        as: rep,
        body: {
          opportunity: {
            pipelineId,
            amountMinor: 1_500_000,
            currency: 'EUR',
            expectedCloseDate: inDays(30),
          },
        },
      }),
      'convert',
    );
    const { contactId, opportunityId } = conversion;
    ok(
      await sales.request('POST', '/activities', {
        as: rep,
        body: {
          kind: 'call',
          subject: 'Follow-up',
          contactId,
          phone: '+4915112345679',
          opportunityId,
          heldAt: hoursAgo(1),
          outcome: 'connected',
          notes: 'Wants a quote for two',
        },
      }),
      'contact call',
    );

    // contacts consumed lead.converted: the new contact is an opportunity now.
    await eventually(async () => {
      const contact = await contacts.request('GET', `/contacts/${contactId}`, { as: rep });
      expect(contact.body.lifecycleStage).toBe('opportunity');
    }, 30_000);

    // Sales' read models follow its log; a loaded machine may answer a POST before them.
    await eventually(async () => {
      const exported = await contacts.request('GET', `/contacts/${contactId}/export`, {
        as: manager,
      });
      expect(exported.status).toBe(200);
      expect(exported.body.contact.id).toBe(contactId);
      const fromSales = exported.body.services.sales;
      expect(fromSales).toMatchObject({ service: 'sales', contactId });
      expect(fromSales.leads.map((l: { lead_id: string }) => l.lead_id)).toEqual([leadId]);
      expect(JSON.stringify(fromSales.leads)).toContain('katherine@example.com');
      expect(
        fromSales.opportunities.map((o: { opportunity_id: string }) => o.opportunity_id),
      ).toEqual([opportunityId]);
      const notes = JSON.stringify(fromSales.activities);
      expect(fromSales.activities).toHaveLength(2);
      expect(notes).toContain('prefers calls after 4 pm');
      expect(notes).toContain('Wants a quote for two');
    }, 30_000);

    // Sales applies its own roles to the requester: a rep's token gets no export at all.
    expect(
      (await contacts.request('GET', `/contacts/${contactId}/export`, { as: rep })).status,
    ).toBe(403);
  }, 120_000);
});
