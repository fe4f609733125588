/**
 * What an SMTP failure means for the message (pure; the table is in channels/README.md):
 * - a reply to MAIL FROM's recipients (RCPT TO) or to the message (DATA, the final dot):
 *   5xx rejected-permanent, 4xx rejected-temporary, with the code and the server's text;
 * - our side (connecting, TLS, EHLO, AUTH, MAIL FROM: the sender or the account) is never the
 *   recipient's fault, so it is rejected-temporary whatever the code: retry after a fix, and no
 *   recipient is suppressed for a wrong password;
 * - no reply at all (timeout, connection lost): rejected-temporary while the message was not yet
 *   handed over (the server discards an unfinished DATA), unknown once it was.
 */
import type { SendOutcome } from '../message-channel';

/** The parts of a nodemailer error this reads (smtp-connection's `_formatError`). */
export interface SmtpFailure {
  readonly message?: string;
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly command?: string;
}

const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA']);
/** Refused by nodemailer before a byte went out: the message itself is malformed. */
const REFUSED_LOCALLY = new Set(['EENVELOPE', 'EMESSAGE']);

export function smtpOutcome(failure: SmtpFailure, handedOver: boolean): SendOutcome {
  const text = (failure.response ?? failure.message ?? 'SMTP failure').slice(0, 500);
  const code = failure.responseCode;
  if (code !== undefined && RECIPIENT_COMMANDS.has(failure.command ?? '')) {
    return code >= 500
      ? { kind: 'rejected-permanent', code: String(code), text }
      : { kind: 'rejected-temporary', code: String(code), text };
  }
  if (code !== undefined) return { kind: 'rejected-temporary', code: String(code), text };
  if (handedOver) {
    return {
      kind: 'unknown',
      reason: `${failure.code ?? 'ERROR'} after the message was sent: ${text}`,
    };
  }
  if (failure.command === 'API' && REFUSED_LOCALLY.has(failure.code ?? '')) {
    return { kind: 'rejected-permanent', code: failure.code as string, text };
  }
  return { kind: 'rejected-temporary', code: failure.code ?? 'ERROR', text };
}
