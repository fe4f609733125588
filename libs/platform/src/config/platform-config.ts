/**
 * The configuration every service shares. Services add their own variables with `loadConfig`.
 */
import { ConfigError, loadConfig } from './config';

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
  };
}
