import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dockerEngineAnswering } from './docker-engine';

// No Docker engine runs on the project's machines, so the probe is exercised against a local
// HTTP server on a unix socket that answers /_ping the way the engine does.
describe('dockerEngineAnswering', () => {
  let dir: string;
  let socketPath: string;
  let server: http.Server | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crm-docker-probe-'));
    socketPath = path.join(dir, 'docker.sock');
  });

  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  function serve(status: number, body: string): Promise<void> {
    server = http.createServer((req, res) => {
      res.statusCode = req.url === '/_ping' ? status : 404;
      res.end(req.url === '/_ping' ? body : 'not found');
    });
    return new Promise((resolve) => server!.listen(socketPath, resolve));
  }

  it('says yes when the engine answers OK', async () => {
    await serve(200, 'OK');
    expect(await dockerEngineAnswering({ DOCKER_HOST: `unix://${socketPath}` })).toEqual({
      kind: 'socket',
      socketPath,
    });
  });

  it('says no when something else answers, nothing listens, or CRM_TEST_DOCKER=0', async () => {
    await serve(500, 'Internal Server Error');
    expect(await dockerEngineAnswering({ DOCKER_HOST: `unix://${socketPath}` })).toBeUndefined();
    expect(
      await dockerEngineAnswering({ DOCKER_HOST: `unix://${path.join(dir, 'missing.sock')}` }),
    ).toBeUndefined();
    expect(
      await dockerEngineAnswering({ DOCKER_HOST: `unix://${socketPath}`, CRM_TEST_DOCKER: '0' }),
    ).toBeUndefined();
  });
});
