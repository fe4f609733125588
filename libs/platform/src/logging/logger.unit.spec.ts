import { loadPlatformConfig } from '../config/platform-config';
import { loggerParams, prettyLogs } from './logger';

const env = { JWT_SECRET: 'x'.repeat(32) };

describe('log format', () => {
  it('auto is readable at a terminal and JSON lines when piped', () => {
    expect(prettyLogs('auto', true)).toBe(true);
    expect(prettyLogs('auto', false)).toBe(false);
  });

  it('json and pretty are what they say, whatever stdout is', () => {
    expect(prettyLogs('json', true)).toBe(false);
    expect(prettyLogs('pretty', false)).toBe(true);
  });

  it('LOG_FORMAT=pretty routes pino-http through pino-pretty; json adds no transport', () => {
    const pretty = loggerParams(loadPlatformConfig({ ...env, LOG_FORMAT: 'pretty' }), 'svc');
    const json = loggerParams(loadPlatformConfig({ ...env, LOG_FORMAT: 'json' }), 'svc');
    expect((pretty.pinoHttp as { transport?: { target: string } }).transport?.target).toBe(
      'pino-pretty',
    );
    expect((json.pinoHttp as { transport?: unknown }).transport).toBeUndefined();
  });

  it('an unknown LOG_FORMAT stops start-up naming the variable', () => {
    expect(() => loadPlatformConfig({ ...env, LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
