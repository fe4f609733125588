import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp, { type Options } from 'pino-http';
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

describe('request log line', () => {
  // pino-http as the platform configures it, writing into an array instead of stdout.
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()));
      callback();
    },
  });
  const config = loadPlatformConfig({ ...env, LOG_FORMAT: 'json' });
  const middleware = pinoHttp({
    ...(loggerParams(config, 'svc').pinoHttp as Options),
    stream: destination,
  });
  // A real server on a loopback port: pino-http logs what the response really did.
  const serve = async (id: string, statusCode: number) => {
    const server = createServer((req, res) => {
      (req as IncomingMessage & { id: string }).id = id;
      middleware(req, res, () => res.writeHead(statusCode).end('{}'));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/contacts?limit=20`, {
      headers: { authorization: 'Bearer secret-token' },
    }).then((r) => r.text());
    server.close();
    await once(server, 'close');
  };

  it('names the correlation id, the request and the status on one line, without the token', async () => {
    await serve('req-ok-1', 200);
    await serve('req-failed-2', 503);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      correlationId: 'req-ok-1',
      req: { id: 'req-ok-1', method: 'GET', url: '/contacts?limit=20' },
      res: { statusCode: 200 },
      msg: 'request completed',
      service: 'svc',
    });
    expect(lines[1]).toMatchObject({
      correlationId: 'req-failed-2',
      res: { statusCode: 503 },
      msg: 'request errored',
    });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });
});
