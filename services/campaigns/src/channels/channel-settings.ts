/**
 * Which channel each kind of message goes to, and its settings, from the variables declared in
 * campaigns.config.ts. The rule: an explicit CAMPAIGNS_EMAIL_CHANNEL / CAMPAIGNS_SMS_CHANNEL
 * wins; unset, the channel is smtp when SMTP_URL is set (http when SMS_PROVIDER_URL is set) and
 * capture otherwise, so `npm start` captures and setting the URL alone switches to real sending.
 * A choice without what it needs, or settings that contradict each other, stop start-up with a
 * ConfigError naming the variable.
 */
import { ConfigError, type ConfigProblem } from '@crm/platform';
import { parseEmail } from '@crm/values';

export interface SmtpSettings {
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
  readonly poolSize: number;
  readonly timeoutMs: number;
}

export interface HttpSmsSettings {
  readonly url: string;
  readonly token?: string;
  readonly timeoutMs: number;
}

export interface ChannelSettings {
  readonly email: {
    readonly transport: 'capture' | 'smtp';
    readonly smtp?: SmtpSettings;
    readonly ratePerSecond: number;
    readonly from: string;
    /** The SMTP envelope sender (bounces); the From's address unless configured. */
    readonly envelopeFrom: string;
  };
  readonly sms: {
    readonly transport: 'capture' | 'http';
    readonly http?: HttpSmsSettings;
    readonly ratePerSecond: number;
    readonly from: string;
  };
}

/** The raw values of the channel variables (loadConfig's output for them). */
export interface ChannelVariables {
  readonly CAMPAIGNS_EMAIL_CHANNEL?: 'capture' | 'smtp';
  readonly SMTP_URL?: string;
  readonly SMTP_USER?: string;
  readonly SMTP_PASSWORD?: string;
  readonly SMTP_POOL_SIZE: number;
  readonly SMTP_TIMEOUT_MS: number;
  readonly CAMPAIGNS_EMAIL_RATE_PER_S: number;
  readonly CAMPAIGNS_EMAIL_FROM: string;
  readonly CAMPAIGNS_EMAIL_ENVELOPE_FROM?: string;
  readonly CAMPAIGNS_SMS_CHANNEL?: 'capture' | 'http';
  readonly SMS_PROVIDER_URL?: string;
  readonly SMS_PROVIDER_TOKEN?: string;
  readonly SMS_PROVIDER_TIMEOUT_MS: number;
  readonly CAMPAIGNS_SMS_RATE_PER_S: number;
  readonly CAMPAIGNS_SMS_FROM: string;
}

export function resolveChannelSettings(v: ChannelVariables): ChannelSettings {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string) => problems.push({ variable, message });

  const emailTransport = v.CAMPAIGNS_EMAIL_CHANNEL ?? (v.SMTP_URL ? 'smtp' : 'capture');
  if (emailTransport === 'smtp' && !v.SMTP_URL) {
    problem('SMTP_URL', 'is required when CAMPAIGNS_EMAIL_CHANNEL is smtp');
  }
  const urlHasUser = v.SMTP_URL ? new URL(v.SMTP_URL).username !== '' : false;
  if (v.SMTP_USER && urlHasUser) {
    problem('SMTP_USER', 'must not be set when SMTP_URL carries credentials (choose one place)');
  }
  if (Boolean(v.SMTP_USER) !== Boolean(v.SMTP_PASSWORD)) {
    problem(v.SMTP_USER ? 'SMTP_PASSWORD' : 'SMTP_USER', 'SMTP_USER and SMTP_PASSWORD go together');
  }
  const fromAddress = addressOf(v.CAMPAIGNS_EMAIL_FROM);
  if (!fromAddress) problem('CAMPAIGNS_EMAIL_FROM', 'must be an address or "Name <address>"');
  const envelopeFrom = v.CAMPAIGNS_EMAIL_ENVELOPE_FROM
    ? addressOf(v.CAMPAIGNS_EMAIL_ENVELOPE_FROM)
    : fromAddress;
  if (v.CAMPAIGNS_EMAIL_ENVELOPE_FROM && !envelopeFrom) {
    problem('CAMPAIGNS_EMAIL_ENVELOPE_FROM', 'must be an email address');
  }

  const smsTransport = v.CAMPAIGNS_SMS_CHANNEL ?? (v.SMS_PROVIDER_URL ? 'http' : 'capture');
  if (smsTransport === 'http' && !v.SMS_PROVIDER_URL) {
    problem('SMS_PROVIDER_URL', 'is required when CAMPAIGNS_SMS_CHANNEL is http');
  }
  if (v.SMS_PROVIDER_TOKEN && v.SMS_PROVIDER_URL && new URL(v.SMS_PROVIDER_URL).username) {
    problem('SMS_PROVIDER_TOKEN', 'must not be set when SMS_PROVIDER_URL carries credentials');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    email: {
      transport: emailTransport,
      smtp:
        emailTransport === 'smtp' && v.SMTP_URL
          ? {
              url: v.SMTP_URL,
              user: v.SMTP_USER,
              password: v.SMTP_PASSWORD,
              poolSize: v.SMTP_POOL_SIZE,
              timeoutMs: v.SMTP_TIMEOUT_MS,
            }
          : undefined,
      ratePerSecond: v.CAMPAIGNS_EMAIL_RATE_PER_S,
      from: v.CAMPAIGNS_EMAIL_FROM,
      envelopeFrom: envelopeFrom as string,
    },
    sms: {
      transport: smsTransport,
      http:
        smsTransport === 'http' && v.SMS_PROVIDER_URL
          ? {
              url: v.SMS_PROVIDER_URL,
              token: v.SMS_PROVIDER_TOKEN,
              timeoutMs: v.SMS_PROVIDER_TIMEOUT_MS,
            }
          : undefined,
      ratePerSecond: v.CAMPAIGNS_SMS_RATE_PER_S,
      from: v.CAMPAIGNS_SMS_FROM,
    },
  };
}

/** The address of `a@b.c` or `Name <a@b.c>`, canonical; undefined when it is not one. */
export function addressOf(mailbox: string): string | undefined {
  const angle = /<([^<>]+)>\s*$/.exec(mailbox);
  try {
    return parseEmail((angle ? angle[1] : mailbox).trim());
  } catch {
    return undefined;
  }
}
