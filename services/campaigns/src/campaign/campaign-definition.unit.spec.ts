import { DomainError } from '@crm/event-sourcing';
import { parseCampaignDefinition } from './campaign-definition';
import { mergePatch } from './merge-patch';

const valid = {
  name: ' Service plan ',
  kind: { type: 'broadcast' },
  channel: 'email',
  audience: { segmentId: 'seg-1', excludeSegmentId: 'seg-2' },
  variants: [{ id: 'A', templateId: 'tpl-1', templateVersion: 1, sharePercent: 100 }],
  nextBestOffer: { model: 'basket', fallbackProductId: 'p-service' },
  cost: { amountMinor: 25000, currency: 'EUR' },
  sender: { name: 'Autohaus', email: 'News@Autohaus.example' },
};

/** The fields InvalidCampaign names for `raw` (none: it parsed). */
function problems(raw: unknown): string[] {
  try {
    parseCampaignDefinition(raw);
    return [];
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'InvalidCampaign') throw e;
    return (e.details as { errors: { field: string }[] }).errors.map((x) => x.field).sort();
  }
}

describe('campaign definition', () => {
  it('normalises a valid broadcast (trimmed name, canonical email and currency)', () => {
    expect(parseCampaignDefinition(valid)).toEqual({
      ...valid,
      name: 'Service plan',
      cost: { amountMinor: 25000, currency: 'EUR' },
      sender: { name: 'Autohaus', email: 'news@autohaus.example' },
    });
  });

  it('names every field at fault at once, unknown members included', () => {
    expect(
      problems({
        ...valid,
        name: '',
        channel: 'fax',
        audience: { segmentId: 'seg 1', excludeSegmentId: 'seg 1', extra: 1 },
        cost: { amountMinor: -1, currency: 'EURO' },
        colour: 'red',
      }),
    ).toEqual(
      [
        'audience.excludeSegmentId',
        'audience.extra',
        'audience.segmentId',
        'colour',
        'cost.amountMinor',
        'cost.currency',
        'channel',
        'name',
      ].sort(),
    );
    expect(problems(null)).toContain('body');
    expect(problems([])).toContain('body');
  });

  it('triggered kinds: an order of a family or product plus N days, entering a segment, a warranty ending', () => {
    const withKind = (kind: unknown) => ({ ...valid, kind });
    expect(
      problems(
        withKind({
          type: 'triggered',
          trigger: { event: 'order-placed', productFamily: 'Cars', delayDays: 14 },
        }),
      ),
    ).toEqual([]);
    expect(
      problems(
        withKind({
          type: 'triggered',
          trigger: { event: 'order-placed', productId: 'p-1', delayDays: 0 },
        }),
      ),
    ).toEqual([]);
    expect(
      problems(withKind({ type: 'triggered', trigger: { event: 'order-placed', delayDays: 14 } })),
    ).toEqual(['kind.trigger.productFamily']);
    expect(
      problems(
        withKind({
          type: 'triggered',
          trigger: { event: 'segment-entered', segmentId: 's', delayDays: -1 },
        }),
      ),
    ).toEqual(['kind.trigger.delayDays']);
    expect(
      problems(
        withKind({ type: 'triggered', trigger: { event: 'warranty-ending', daysBefore: 30 } }),
      ),
    ).toEqual([]);
    expect(problems(withKind({ type: 'triggered', trigger: { event: 'birthday' } }))).toEqual([
      'kind.trigger.event',
    ]);
  });

  it('recurring: every N days or weeks at a time of day in a real time zone', () => {
    const recurring = {
      type: 'recurring',
      every: 2,
      unit: 'weeks',
      timeOfDay: '09:30',
      timeZone: 'Europe/Berlin',
    };
    expect(problems({ ...valid, kind: recurring })).toEqual([]);
    expect(
      problems({
        ...valid,
        kind: { ...recurring, every: 0, unit: 'months', timeOfDay: '24:00', timeZone: '+02:00' },
      }),
    ).toEqual(['kind.every', 'kind.timeOfDay', 'kind.timeZone', 'kind.unit'].sort());
  });

  it('A/B: two or more variants need a test plan, shares add up to 100, ids are unique', () => {
    const variants = [
      { id: 'A', templateId: 't1', templateVersion: 1, sharePercent: 50 },
      { id: 'B', templateId: 't2', templateVersion: 3, sharePercent: 50 },
    ];
    const abTest = {
      testSharePercent: 20,
      metric: 'clicked',
      significance: 0.05,
      minimumSamplePerVariant: 500,
    };
    expect(problems({ ...valid, variants, abTest })).toEqual([]);
    expect(problems({ ...valid, variants })).toEqual(['abTest']);
    expect(problems({ ...valid, abTest })).toEqual(['abTest']);
    expect(
      problems({ ...valid, variants: [variants[0], { ...variants[1], sharePercent: 40 }], abTest }),
    ).toEqual(['variants']);
    expect(
      problems({ ...valid, variants: [variants[0], { ...variants[1], id: 'A' }], abTest }),
    ).toEqual(['variants[1].id']);
    expect(
      problems({
        ...valid,
        variants,
        abTest: { ...abTest, metric: 'viewed', significance: 0.5, minimumSamplePerVariant: 0 },
      }),
    ).toEqual(['abTest.metric', 'abTest.minimumSamplePerVariant', 'abTest.significance']);
    expect(problems({ ...valid, variants: [] })).toEqual(['variants']);
  });

  it('the sender fits the channel: an email identity, or an SMS sender id (alphanumeric or a number)', () => {
    const sms = { ...valid, channel: 'sms' };
    expect(problems({ ...sms, sender: { smsSenderId: 'Autohaus' } })).toEqual([]);
    expect(
      parseCampaignDefinition({ ...sms, sender: { smsSenderId: '+49 30 1234567' } }).sender,
    ).toEqual({ smsSenderId: '+49301234567' });
    expect(problems({ ...sms, sender: { smsSenderId: 'AutohausBerlin' } })).toEqual([
      'sender.smsSenderId',
    ]);
    expect(problems({ ...sms, sender: { name: 'x', email: 'a@b.example' } })).toEqual(
      ['sender.email', 'sender.name', 'sender.smsSenderId'].sort(),
    );
    expect(problems({ ...valid, sender: { name: 'A', email: 'nope', replyTo: 'x' } })).toEqual([
      'sender.email',
      'sender.replyTo',
    ]);
  });
});

describe('merge patch (RFC 7396)', () => {
  it('merges objects, removes with null, replaces arrays and scalars (the RFC appendix A cases)', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
    expect(mergePatch({ a: 'foo' }, 'bar')).toBe('bar');
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
    // A DTO's declared but absent member (undefined) leaves the target alone.
    expect(mergePatch({ a: 1, b: 2 }, { a: undefined, b: 3 })).toEqual({ a: 1, b: 3 });
  });
});
