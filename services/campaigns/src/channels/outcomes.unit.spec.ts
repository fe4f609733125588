/** The two outcome tables (pure): SMTP failures and SMS provider answers. */
import { smsOutcome } from './sms/sms-outcome';
import { smtpOutcome } from './smtp/smtp-outcome';
import { providerMessageIdOf } from './smtp/smtp-email-channel';

describe('smtpOutcome', () => {
  const reply = (responseCode: number, command: string) => ({
    code: 'EENVELOPE',
    responseCode,
    response: `${responseCode} said the server`,
    command,
  });

  it('reads a reply about the recipient or the message by its class', () => {
    expect(smtpOutcome(reply(550, 'RCPT TO'), false)).toEqual({
      kind: 'rejected-permanent',
      code: '550',
      text: '550 said the server',
    });
    expect(smtpOutcome(reply(452, 'RCPT TO'), false).kind).toBe('rejected-temporary');
    expect(smtpOutcome(reply(554, 'DATA'), true).kind).toBe('rejected-permanent');
    expect(smtpOutcome(reply(421, 'DATA'), true).kind).toBe('rejected-temporary');
  });

  it('never blames the recipient for our side: AUTH, EHLO, MAIL FROM refusals are temporary', () => {
    expect(smtpOutcome({ ...reply(535, 'AUTH PLAIN'), code: 'EAUTH' }, false)).toMatchObject({
      kind: 'rejected-temporary',
      code: '535',
    });
    expect(smtpOutcome(reply(553, 'MAIL FROM'), false).kind).toBe('rejected-temporary');
  });

  it('a silence is temporary before the hand-over and unknown after it', () => {
    const timeout = { code: 'ETIMEDOUT', message: 'Timeout', command: 'CONN' };
    expect(smtpOutcome(timeout, false)).toMatchObject({
      kind: 'rejected-temporary',
      code: 'ETIMEDOUT',
    });
    expect(smtpOutcome(timeout, true).kind).toBe('unknown');
  });

  it('a message nodemailer refuses before sending anything is permanent', () => {
    expect(
      smtpOutcome({ code: 'EENVELOPE', message: 'Invalid recipient', command: 'API' }, false),
    ).toMatchObject({ kind: 'rejected-permanent', code: 'EENVELOPE' });
  });

  it('the provider id is the queue id when the reply names one', () => {
    expect(
      providerMessageIdOf({ response: '250 2.0.0 Ok: queued as 4B7F61E2', messageId: '<a@b>' }),
    ).toBe('4B7F61E2');
    expect(
      providerMessageIdOf({
        response: '250 OK',
        serverMessageId: '<x@outlook>',
        messageId: '<a@b>',
      }),
    ).toBe('<x@outlook>');
    expect(providerMessageIdOf({ response: '250 OK', messageId: '<a@b>' })).toBe('<a@b>');
  });
});

describe('smsOutcome', () => {
  it('2xx is accepted with the id the body names, else the reference', () => {
    expect(smsOutcome(201, '{"message_id": 42}', 'ref')).toEqual({
      kind: 'accepted',
      providerMessageId: '42',
    });
    expect(smsOutcome(200, 'OK', 'ref')).toEqual({ kind: 'accepted', providerMessageId: 'ref' });
  });

  it('4xx is permanent except auth, timeout and throttling, which are temporary', () => {
    expect(smsOutcome(422, '{"detail":"bad number"}', 'r')).toEqual({
      kind: 'rejected-permanent',
      code: '422',
      text: 'bad number',
    });
    for (const status of [401, 403, 407, 408, 429]) {
      expect(smsOutcome(status, '', 'r').kind).toBe('rejected-temporary');
    }
  });

  it('5xx and anything unexpected are temporary', () => {
    expect(smsOutcome(500, '{"error":"boom"}', 'r')).toEqual({
      kind: 'rejected-temporary',
      code: '500',
      text: 'boom',
    });
    expect(smsOutcome(302, '', 'r').kind).toBe('rejected-temporary');
  });
});
