/**
 * What the SMS provider's HTTP answer means for the message (pure; table in channels/README.md):
 * 2xx accepted (the id from the body: `id`, `messageId` or `message_id`, else our reference);
 * 408, 429 and 5xx rejected-temporary; 401, 403 and 407 rejected-temporary too (our credentials,
 * not the recipient: nobody is suppressed for an expired token); any other 4xx
 * rejected-permanent; anything else (1xx/3xx) rejected-temporary.
 */
import type { SendOutcome } from '../message-channel';

const RETRYABLE_4XX = new Set([401, 403, 407, 408, 429]);

export function smsOutcome(status: number, body: string, reference: string): SendOutcome {
  const parsed = parseJson(body);
  if (status >= 200 && status < 300) {
    const id = [parsed?.id, parsed?.messageId, parsed?.message_id].find(
      (v) => typeof v === 'string' || typeof v === 'number',
    );
    return { kind: 'accepted', providerMessageId: id === undefined ? reference : String(id) };
  }
  const text = providerText(parsed, body);
  if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) {
    return { kind: 'rejected-permanent', code: String(status), text };
  }
  return { kind: 'rejected-temporary', code: String(status), text };
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The provider's own words when it gives them (`error.message`, `message`, `detail`, `error`). */
function providerText(parsed: Record<string, unknown> | undefined, body: string): string {
  const error = parsed?.error;
  const candidates = [
    error && typeof error === 'object' ? (error as Record<string, unknown>).message : error,
    parsed?.message,
    parsed?.detail,
  ];
  const said = candidates.find((c): c is string => typeof c === 'string' && c !== '');
  return (said ?? body).slice(0, 500);
}
