import type { EventStore, RecordedEvent } from '@crm/event-sourcing';
import { FIXTURE_CONTACT_STATE } from '../testing/contact-state-fixture';
import { statePublisherHealth } from './state-health';
import {
  collectTouched,
  mapLimited,
  resolveSources,
  snapshotOf,
  type TouchedSubject,
} from './state-snapshot';
import type { StateSource } from './state-source';

const event = (
  n: number,
  streamId: string,
  type = 'ContactRenamed',
  tenant = 'acme',
): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  streamId,
  streamVersion: n,
  schemaVersion: 1,
  tenant,
  data: {},
  metadata: { tenant, occurredAt: `2030-01-0${n}T10:00:00.000Z`, correlationId: `corr-${n}` },
  position: { commit: BigInt(n), prepare: BigInt(n) },
  createdAt: new Date(0),
});

function source(load: StateSource['load']): StateSource {
  return {
    stateType: FIXTURE_CONTACT_STATE.type,
    categories: ['contact'],
    subjectsOf: (e) => (e.type === 'ContactNoteAdded' ? [] : [e.streamId.slice('contact-'.length)]),
    load,
  };
}

const noStore = {} as EventStore;

describe('state snapshots', () => {
  it('collects each (type, tenant, subject) once, remembering the latest event that touched it', () => {
    const sources = resolveSources([source(async () => null)], [FIXTURE_CONTACT_STATE]);
    const touched = new Map<string, TouchedSubject>();
    collectTouched(
      touched,
      [
        event(1, 'contact-a'),
        event(2, 'contact-b'),
        event(3, 'contact-a'),
        event(4, 'contact-a', 'ContactNoteAdded'),
        event(5, 'contact-a', 'ContactRenamed', 'globex'),
        event(6, 'company-a'),
      ],
      sources,
    );
    expect(
      [...touched.values()].map((t) => [t.tenant, t.subject, t.lastEvent.streamVersion]),
    ).toEqual([
      ['acme', 'a', 3],
      ['acme', 'b', 2],
      ['globex', 'a', 5],
    ]);
  });

  it('refuses a source whose state type no catalogue defines', () => {
    const unknown = { ...source(async () => null), stateType: 'crm.contacts.nothing.state.v1' };
    expect(() => resolveSources([unknown])).toThrow(/crm\.contacts\.nothing\.state\.v1/);
  });

  it('builds a value keyed by the subject with state headers, or a tombstone', async () => {
    const [resolved] = resolveSources(
      [source(async (_s, _t, id) => ({ contactId: id, name: 'N', version: 3 }))],
      [FIXTURE_CONTACT_STATE],
    );
    const touched = { ...resolved, tenant: 'acme', subject: 'a', lastEvent: event(3, 'contact-a') };
    const snapshot = await snapshotOf(noStore, touched, '/crm/contacts', (t) => `ns.${t}`);
    if ('problem' in snapshot) throw new Error(snapshot.problem);
    expect(snapshot.tombstone).toBe(false);
    expect(snapshot.message).toMatchObject({
      topic: `ns.${FIXTURE_CONTACT_STATE.topic}`,
      key: 'a',
      value: JSON.stringify({ contactId: 'a', name: 'N', version: 3 }),
      headers: {
        ce_type: FIXTURE_CONTACT_STATE.type,
        ce_subject: 'a',
        ce_tenantid: 'acme',
        ce_source: '/crm/contacts',
        ce_time: '2030-01-03T10:00:00.000Z',
        ce_correlationid: 'corr-3',
      },
    });
    // The same state after the same event always gets the same id (a re-send is a duplicate).
    const again = await snapshotOf(noStore, touched, '/crm/contacts');
    expect('message' in again && again.message.headers.ce_id).toBe(snapshot.message.headers.ce_id);

    const [gone] = resolveSources([source(async () => null)], [FIXTURE_CONTACT_STATE]);
    const tombstone = await snapshotOf(
      noStore,
      { ...gone, tenant: 'acme', subject: 'a', lastEvent: event(4, 'contact-a') },
      '/crm/contacts',
    );
    expect(tombstone).toMatchObject({ tombstone: true, message: { key: 'a', value: null } });
  });

  it('makes an invalid value or a failed load a problem of that subject, and rethrows a transient failure', async () => {
    const of = async (load: StateSource['load']) => {
      const [resolved] = resolveSources([source(load)], [FIXTURE_CONTACT_STATE]);
      return snapshotOf(
        noStore,
        { ...resolved, tenant: 'acme', subject: 'a', lastEvent: event(1, 'contact-a') },
        '/crm/contacts',
      );
    };
    expect(await of(async () => ({ contactId: 'a', name: 'N', version: 1, leaked: 'x' }))).toEqual({
      problem: expect.stringMatching(/leaked/),
    });
    expect(await of(async () => ({ contactId: 'a', version: 1 }))).toEqual({
      problem: expect.stringMatching(/name/),
    });
    expect(await of(async () => Promise.reject(new Error('fold failed')))).toEqual({
      problem: 'load failed: fold failed',
    });
    const transient = Object.assign(new Error('connection terminated'), { code: '57P01' });
    await expect(of(async () => Promise.reject(transient))).rejects.toBe(transient);
  });

  it('maps with at most `limit` in flight, results in input order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, n * 3));
      inFlight -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('reports parked subjects on readiness without tenant or id, down only when stopped', () => {
    const parkedAt = new Date(0);
    const summary = { parked: 2, oldest: { stateType: FIXTURE_CONTACT_STATE.type, parkedAt } };
    expect(statePublisherHealth(summary)).toEqual({
      state: {
        status: 'up',
        parked: 2,
        oldestParked: { stateType: FIXTURE_CONTACT_STATE.type, parkedAt: parkedAt.toISOString() },
      },
    });
    expect(
      statePublisherHealth({ parked: 0, oldest: null }, new Error('gone')).state,
    ).toMatchObject({
      status: 'down',
      message: 'gone',
    });
  });
});
