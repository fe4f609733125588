import { describeEndpoint, dockerEndpoint } from './docker-engine';

describe('dockerEndpoint', () => {
  it('reads a unix socket from DOCKER_HOST', () => {
    expect(dockerEndpoint({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toEqual({
      kind: 'socket',
      socketPath: '/run/user/1000/docker.sock',
    });
  });

  it('reads a TCP engine, with TLS when DOCKER_TLS_VERIFY=1 and the matching default port', () => {
    expect(dockerEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toEqual({
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2375,
      tls: false,
    });
    const tls = dockerEndpoint({ DOCKER_HOST: 'tcp://docker.internal', DOCKER_TLS_VERIFY: '1' });
    expect(tls).toEqual({ kind: 'tcp', host: 'docker.internal', port: 2376, tls: true });
    expect(describeEndpoint(tls!)).toBe('https://docker.internal:2376');
  });

  it('does not guess at transports it cannot probe', () => {
    expect(dockerEndpoint({ DOCKER_HOST: 'ssh://me@host' })).toBeUndefined();
  });
});
