/**
 * The configuration every service shares. Services add their own variables with `loadConfig`.
 */
import { createHmac } from 'node:crypto';
import { ConfigError, loadConfig, type ConfigProblem } from './config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `auto`: readable (pino-pretty) when stdout is a terminal, JSON lines otherwise. */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

export type JwtConfig =
  | {
      readonly algorithm: 'HS256';
      readonly secret: string;
      readonly issuer?: string;
      readonly audience?: string;
    }
  | {
      readonly algorithm: 'RS256';
      readonly jwksUrl: string;
      readonly issuer?: string;
      readonly audience?: string;
    };

export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  /** Absent: the caller (bootstrapService) starts embedded PostgreSQL and fills it in. */
  readonly databaseUrl?: string;
  /** Absent: no Kafka; readiness does not check it. */
  readonly kafkaBrokers?: readonly string[];
  readonly jwt: JwtConfig;
  readonly bodyLimitBytes: number;
  /** How long a SIGTERM may take to drain before the process gives up and exits 1. */
  readonly shutdownTimeoutMs: number;
  /** Absent: no CORS headers at all (same-origin or server-to-server callers only). */
  readonly cors?: CorsConfig;
  /** HMAC key of the list cursors this service hands out (see http/signed-cursor.ts). */
  readonly cursorSecret: string;
}

export interface CorsConfig {
  /** Exact origins (`https://app.example.com`), or `['*']` for any origin without credentials. */
  readonly origins: readonly string[];
  readonly credentials: boolean;
}

export function platformConfigSpec(defaultPort = 3000) {
  return {
    PORT: { type: 'int', min: 0, max: 65535, default: defaultPort },
    HOST: { type: 'string', default: '0.0.0.0' },
    LOG_LEVEL: { type: 'enum', values: LOG_LEVELS, default: 'info' },
    LOG_FORMAT: { type: 'enum', values: LOG_FORMATS, default: 'auto' },
    DATABASE_URL: { type: 'url', protocols: ['postgres', 'postgresql'], optional: true },
    KAFKA_BROKERS: { type: 'list', optional: true, description: 'host:port,host:port' },
    JWT_SECRET: {
      type: 'string',
      minLength: 32,
      optional: true,
      description: 'HS256, development',
    },
    JWT_JWKS_URL: { type: 'url', protocols: ['http', 'https'], optional: true },
    JWT_ISSUER: { type: 'string', optional: true },
    JWT_AUDIENCE: { type: 'string', optional: true },
    BODY_LIMIT_BYTES: { type: 'int', min: 1, default: 1_048_576 },
    SHUTDOWN_TIMEOUT_MS: { type: 'int', min: 0, default: 25_000 },
    CORS_ORIGINS: {
      type: 'list',
      optional: true,
      description: 'exact browser origins, comma-separated, or * (empty: CORS off)',
    },
    CORS_CREDENTIALS: { type: 'bool', default: true },
    CURSOR_SECRET: {
      type: 'string',
      minLength: 32,
      optional: true,
      description: 'signs list cursors; derived from JWT_SECRET when absent',
    },
  } as const;
}

export function loadPlatformConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { defaultPort?: number } = {},
): PlatformConfig {
  const raw = loadConfig(platformConfigSpec(options.defaultPort), env);
  if (!raw.JWT_SECRET && !raw.JWT_JWKS_URL) {
    throw new ConfigError([
      {
        variable: 'JWT_SECRET',
        message: 'or JWT_JWKS_URL is required (HS256 secret for development, JWKS URL for RS256)',
      },
    ]);
  }
  if (raw.JWT_SECRET && raw.JWT_JWKS_URL) {
    throw new ConfigError([
      {
        variable: 'JWT_SECRET',
        message: 'and JWT_JWKS_URL are both set: choose one way to verify tokens',
      },
    ]);
  }
  const cors = corsConfig(raw.CORS_ORIGINS, raw.CORS_CREDENTIALS);
  const cursorSecret = raw.CURSOR_SECRET ?? derivedCursorSecret(raw.JWT_SECRET);
  const claims = { issuer: raw.JWT_ISSUER, audience: raw.JWT_AUDIENCE };
  return {
    port: raw.PORT,
    host: raw.HOST,
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT,
    databaseUrl: raw.DATABASE_URL,
    kafkaBrokers: raw.KAFKA_BROKERS,
    jwt: raw.JWT_JWKS_URL
      ? { algorithm: 'RS256', jwksUrl: raw.JWT_JWKS_URL, ...claims }
      : { algorithm: 'HS256', secret: raw.JWT_SECRET!, ...claims },
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    cors,
    cursorSecret,
  };
}

function corsConfig(
  origins: readonly string[] | undefined,
  credentials: boolean,
): CorsConfig | undefined {
  if (!origins?.length) return undefined;
  const problems: ConfigProblem[] = [];
  if (origins.includes('*') && origins.length > 1)
    problems.push({ variable: 'CORS_ORIGINS', message: 'is either * or a list of origins' });
  // Browsers refuse credentials with `*`; echoing any origin instead would let every site act
  // as the signed-in user.
  if (origins.includes('*') && credentials)
    problems.push({ variable: 'CORS_ORIGINS', message: 'of * needs CORS_CREDENTIALS=false' });
  for (const origin of origins.filter((o) => o !== '*')) {
    if (!isExactOrigin(origin))
      problems.push({
        variable: 'CORS_ORIGINS',
        message: `must hold exact origins like https://app.example.com (got "${origin}")`,
      });
  }
  if (problems.length) throw new ConfigError(problems);
  return { origins, credentials };
}

/** `scheme://host[:port]` and nothing more: what a browser sends in `Origin`. */
function isExactOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

/**
 * Without CURSOR_SECRET the cursor key is derived from the HS256 secret (a separate key, so a
 * cursor never helps forge a token). JWKS verification has no secret to derive from, and a random
 * key per process would break paging across replicas and restarts, so it must be set.
 */
function derivedCursorSecret(jwtSecret: string | undefined): string {
  if (!jwtSecret)
    throw new ConfigError([
      { variable: 'CURSOR_SECRET', message: 'is required with JWT_JWKS_URL (>= 32 chars)' },
    ]);
  return createHmac('sha256', jwtSecret).update('crm list cursors').digest('base64url');
}
