/**
 * Is there a Docker engine to run testcontainers against? Asked by an HTTP `GET /_ping` to the
 * engine itself, so that machines without Docker never load testcontainers at all.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export type DockerEndpoint =
  | { readonly kind: 'socket'; readonly socketPath: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly tls: boolean };

const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Where the Docker engine would be: `DOCKER_HOST` if set, else the default socket if it exists. */
export function dockerEndpoint(env: NodeJS.ProcessEnv = process.env): DockerEndpoint | undefined {
  const dockerHost = env.DOCKER_HOST?.trim();
  if (!dockerHost) {
    return existsSync(DEFAULT_SOCKET) ? { kind: 'socket', socketPath: DEFAULT_SOCKET } : undefined;
  }
  if (dockerHost.startsWith('unix://'))
    return { kind: 'socket', socketPath: dockerHost.slice('unix://'.length) };
  if (dockerHost.startsWith('tcp://')) {
    const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
    const tls = env.DOCKER_TLS_VERIFY === '1';
    return { kind: 'tcp', host: url.hostname, port: Number(url.port || (tls ? 2376 : 2375)), tls };
  }
  return undefined; // npipe:// and ssh:// are not probed; testcontainers is not used there
}

export function describeEndpoint(endpoint: DockerEndpoint): string {
  return endpoint.kind === 'socket'
    ? `unix://${endpoint.socketPath}`
    : `${endpoint.tls ? 'https' : 'http'}://${endpoint.host}:${endpoint.port}`;
}

/** Resolves to the endpoint when the engine answers `/_ping` with OK, else undefined. */
export async function dockerEngineAnswering(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 2000,
): Promise<DockerEndpoint | undefined> {
  if (env.CRM_TEST_DOCKER === '0') return undefined;
  const endpoint = dockerEndpoint(env);
  if (!endpoint) return undefined;
  return (await ping(endpoint, timeoutMs)) ? endpoint : undefined;
}

function ping(endpoint: DockerEndpoint, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const options: http.RequestOptions =
      endpoint.kind === 'socket'
        ? { socketPath: endpoint.socketPath, path: '/_ping' }
        : { host: endpoint.host, port: endpoint.port, path: '/_ping' };
    // A TLS engine's certificate is not checked here: this only asks whether something answers.
    const request =
      endpoint.kind === 'tcp' && endpoint.tls
        ? https.get({ ...options, rejectUnauthorized: false, timeout: timeoutMs }, onResponse)
        : http.get({ ...options, timeout: timeoutMs }, onResponse);
    function onResponse(res: http.IncomingMessage): void {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'OK'));
      res.on('error', () => resolve(false));
    }
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
