import { ConfigError, loadConfig } from './config';
import { loadPlatformConfig } from './platform-config';

const SECRET = 'a-development-secret-that-is-long-enough';

describe('loadConfig', () => {
  const spec = {
    NAME: { type: 'string' },
    SIZE: { type: 'int', min: 1, max: 10, default: 5 },
    URL: { type: 'url', protocols: ['https'], optional: true },
    MODE: { type: 'enum', values: ['fast', 'safe'], default: 'safe' },
    ENABLED: { type: 'bool', default: false },
    HOSTS: { type: 'list', optional: true },
  } as const;

  it('parses every type and applies defaults', () => {
    const config = loadConfig(spec, {
      NAME: 'crm',
      SIZE: ' 7 ',
      ENABLED: 'yes',
      HOSTS: 'a:1, b:2,,',
    });
    expect(config).toEqual({
      NAME: 'crm',
      SIZE: 7,
      URL: undefined,
      MODE: 'safe',
      ENABLED: true,
      HOSTS: ['a:1', 'b:2'],
    });
  });

  it('treats an empty value as absent', () => {
    expect(loadConfig(spec, { NAME: 'crm', SIZE: '', MODE: '' })).toMatchObject({
      SIZE: 5,
      MODE: 'safe',
    });
  });

  it('reports every missing or malformed variable by name, in one error', () => {
    let error: unknown;
    try {
      loadConfig(spec, { SIZE: '1.5', URL: 'http://x', MODE: 'slow', ENABLED: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.variables).toEqual(['NAME', 'SIZE', 'URL', 'MODE', 'ENABLED']);
    expect(configError.message).toContain('NAME is required');
    expect(configError.message).toContain('SIZE must be an integer (got "1.5")');
    expect(configError.message).toContain('URL must use https (got http)');
    expect(configError.message).toContain('MODE must be one of fast, safe (got "slow")');
  });

  it('checks integer bounds', () => {
    expect(() => loadConfig(spec, { NAME: 'x', SIZE: '11' })).toThrow(
      /SIZE must be an integer <= 10/,
    );
    expect(() => loadConfig(spec, { NAME: 'x', SIZE: '0' })).toThrow(
      /SIZE must be an integer >= 1/,
    );
  });
});

describe('loadPlatformConfig', () => {
  it('builds the shared config with defaults', () => {
    const config = loadPlatformConfig(
      { JWT_SECRET: SECRET, KAFKA_BROKERS: '127.0.0.1:9092' },
      { defaultPort: 3001 },
    );
    expect(config).toEqual({
      port: 3001,
      host: '0.0.0.0',
      logLevel: 'info',
      logFormat: 'auto',
      databaseUrl: undefined,
      kafkaBrokers: ['127.0.0.1:9092'],
      jwt: { algorithm: 'HS256', secret: SECRET, issuer: undefined, audience: undefined },
      bodyLimitBytes: 1_048_576,
      shutdownTimeoutMs: 25_000,
      cors: undefined,
      cursorSecret: expect.any(String),
    });
  });

  it('takes exact CORS origins, and refuses * with credentials or an origin with a path', () => {
    const env = { JWT_SECRET: SECRET };
    expect(
      loadPlatformConfig({ ...env, CORS_ORIGINS: 'https://a.example, http://b:8080' }).cors,
    ).toEqual({ origins: ['https://a.example', 'http://b:8080'], credentials: true });
    expect(
      loadPlatformConfig({ ...env, CORS_ORIGINS: '*', CORS_CREDENTIALS: 'false' }).cors,
    ).toEqual({ origins: ['*'], credentials: false });
    expect(() => loadPlatformConfig({ ...env, CORS_ORIGINS: '*' })).toThrow(
      /CORS_ORIGINS of \* needs CORS_CREDENTIALS=false/,
    );
    expect(() => loadPlatformConfig({ ...env, CORS_ORIGINS: 'https://a.example/app' })).toThrow(
      /CORS_ORIGINS must hold exact origins/,
    );
  });

  it('derives the cursor secret from JWT_SECRET unless CURSOR_SECRET is set; JWKS needs one', () => {
    const derived = loadPlatformConfig({ JWT_SECRET: SECRET }).cursorSecret;
    expect(derived).not.toContain(SECRET);
    expect(loadPlatformConfig({ JWT_SECRET: SECRET }).cursorSecret).toBe(derived);
    const own = 'c'.repeat(32);
    expect(loadPlatformConfig({ JWT_SECRET: SECRET, CURSOR_SECRET: own }).cursorSecret).toBe(own);
    expect(() => loadPlatformConfig({ JWT_JWKS_URL: 'https://id/jwks' })).toThrow(
      /CURSOR_SECRET is required with JWT_JWKS_URL/,
    );
  });

  it('uses RS256 with a JWKS URL', () => {
    const config = loadPlatformConfig({
      JWT_JWKS_URL: 'https://id.example.com/jwks',
      JWT_ISSUER: 'https://id.example.com',
      CURSOR_SECRET: 'a-cursor-secret-of-at-least-32-chars',
    });
    expect(config.jwt).toEqual({
      algorithm: 'RS256',
      jwksUrl: 'https://id.example.com/jwks',
      issuer: 'https://id.example.com',
      audience: undefined,
    });
  });

  it('requires one way to verify tokens, and a secret long enough for HS256', () => {
    expect(() => loadPlatformConfig({})).toThrow(/JWT_SECRET or JWT_JWKS_URL is required/);
    expect(() => loadPlatformConfig({ JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 32 characters/,
    );
    expect(() =>
      loadPlatformConfig({ JWT_SECRET: SECRET, JWT_JWKS_URL: 'https://id/jwks' }),
    ).toThrow(/both set/);
  });

  it('names PORT when it is not a port', () => {
    expect(() => loadPlatformConfig({ JWT_SECRET: SECRET, PORT: 'abc' })).toThrow(
      /PORT must be an integer \(got "abc"\)/,
    );
    expect(() => loadPlatformConfig({ JWT_SECRET: SECRET, PORT: '65536' })).toThrow(/PORT/);
  });

  it('does not echo a database password when the URL is wrong', () => {
    expect(() =>
      loadPlatformConfig({ JWT_SECRET: SECRET, DATABASE_URL: 'mysql://u:hunter2@db/x' }),
    ).toThrow(
      /^Invalid configuration: DATABASE_URL must use postgres or postgresql \(got mysql\)$/,
    );
  });
});
