import { ourMessageId, parseBounceWebhook } from './bounce-webhook-body';

const ID = '3f2b8c1e-9a4d-5b6e-8f70-1a2b3c4d5e6f';

describe('bounce webhook body', () => {
  it('reads bounces and complaints by messageId or reference, Message-ID form too', () => {
    expect(
      parseBounceWebhook({
        events: [
          {
            type: 'bounce',
            bounceKind: 'hard',
            messageId: ID,
            code: '550',
            text: 'no such user',
            at: '2000-01-01T10:00:00Z',
          },
          {
            type: 'bounce',
            bounceKind: 'soft',
            reference: `<${ID.toUpperCase()}@mail.shop.example>`,
            at: '2000-01-01T11:00:00+01:00',
          },
          {
            type: 'complaint',
            messageId: ID,
            recipient: 'a@b.example',
            at: '2000-01-01T10:00:00.5Z',
          },
        ],
      }),
    ).toEqual({
      ok: true,
      reports: [
        {
          type: 'bounce',
          kind: 'hard',
          messageId: ID,
          code: '550',
          text: 'no such user',
          at: '2000-01-01T10:00:00.000Z',
        },
        { type: 'bounce', kind: 'soft', messageId: ID, at: '2000-01-01T10:00:00.000Z' },
        { type: 'complaint', messageId: ID, at: '2000-01-01T10:00:00.500Z' },
      ],
    });
  });

  it('names every bad member', () => {
    const parsed = parseBounceWebhook({
      events: [
        { type: 'bounce', messageId: 'not-ours', at: 'yesterday', extra: 1 },
        { type: 'complaint', bounceKind: 'hard', at: '2000-01-01T10:00:00Z' },
        {
          type: 'bounce',
          bounceKind: 'soft',
          messageId: ID,
          reference: '0'.repeat(8) + ID.slice(8),
          at: '2000-01-01T10:00:00Z',
          code: 550,
        },
        'x',
      ],
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toEqual([
      'events[0].extra',
      'events[0].bounceKind',
      'events[0].messageId',
      'events[0].at',
      'events[1].bounceKind',
      'events[1].messageId',
      'events[2].reference',
      'events[2].code',
      'events[3]',
    ]);
  });

  it.each([null, [], 'x', {}, { events: {} }, { events: [] }])('refuses %p as a whole', (body) => {
    const parsed = parseBounceWebhook(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toHaveLength(1);
  });

  it('unwraps only our ids', () => {
    expect(ourMessageId(` <${ID}@x.example> `)).toBe(ID);
    expect(ourMessageId('<abc@x.example>')).toBeUndefined();
    expect(ourMessageId(`${ID}@`)).toBeUndefined();
  });
});
