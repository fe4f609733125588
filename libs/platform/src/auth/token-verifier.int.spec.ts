/**
 * Both verification paths with real keys: HS256 with the dev secret, RS256 against a JWKS served
 * over HTTP (as an identity provider would).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mintDevToken } from './dev-token';
import { createTokenVerifier, InvalidTokenError } from './token-verifier';

const SECRET = 'token-verifier-secret-0123456789abcdef';

describe('HS256 (development)', () => {
  const verifier = createTokenVerifier({ algorithm: 'HS256', secret: SECRET, issuer: 'crm-dev' });

  it('accepts a minted token and keeps only known roles', async () => {
    const token = await mintDevToken({
      tenant: 't1',
      roles: ['sales-rep', 'not-a-role' as never],
      sub: 'u1',
      secret: SECRET,
      issuer: 'crm-dev',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'u1',
      tenant: 't1',
      roles: ['sales-rep'],
    });
  });

  it("keeps a sales manager's team claim (the subs they lead) and refuses one that is not a list of ids", async () => {
    const token = await mintDevToken({
      tenant: 't1',
      roles: ['sales-manager'],
      sub: 'boss',
      team: ['rep-1', 'rep-2'],
      secret: SECRET,
      issuer: 'crm-dev',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'boss',
      tenant: 't1',
      roles: ['sales-manager'],
      team: ['rep-1', 'rep-2'],
    });
    const malformed = await new SignJWT({ tenant: 't1', roles: [], team: 'rep-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('boss')
      .setIssuer('crm-dev')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(malformed)).rejects.toThrow('team claim');
  });

  it('rejects a wrong issuer, a wrong secret and a token without tenant', async () => {
    const wrongIssuer = await mintDevToken({
      tenant: 't1',
      roles: [],
      secret: SECRET,
      issuer: 'elsewhere',
    });
    await expect(verifier.verify(wrongIssuer)).rejects.toThrow(InvalidTokenError);
    const wrongSecret = await mintDevToken({
      tenant: 't1',
      roles: [],
      secret: `${SECRET}-other`,
      issuer: 'crm-dev',
    });
    await expect(verifier.verify(wrongSecret)).rejects.toThrow('The bearer token is invalid');
    const noTenant = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('crm-dev')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(noTenant)).rejects.toThrow('no tenant claim');
  });

  it('rejects alg=none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: 'u', tenant: 't', roles: ['admin'], exp: 9e9 }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${body}.`)).rejects.toThrow(InvalidTokenError);
  });
});

describe('RS256 via JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (claims: Record<string, unknown>, kid = 'key-1') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('u9')
      .setAudience('crm')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('verifies a token signed by the key the JWKS publishes', async () => {
    const verifier = createTokenVerifier({ algorithm: 'RS256', jwksUrl, audience: 'crm' });
    await expect(
      verifier.verify(await sign({ tenant: 't9', roles: ['integrator'] })),
    ).resolves.toEqual({
      sub: 'u9',
      tenant: 't9',
      roles: ['integrator'],
    });
  });

  it('rejects an HS256 token: the algorithm is pinned to RS256', async () => {
    const verifier = createTokenVerifier({ algorithm: 'RS256', jwksUrl, audience: 'crm' });
    const hs = await mintDevToken({
      tenant: 't9',
      roles: ['admin'],
      secret: SECRET,
      audience: 'crm',
    });
    await expect(verifier.verify(hs)).rejects.toThrow(InvalidTokenError);
  });

  it('rejects the wrong audience and an unknown key id', async () => {
    const verifier = createTokenVerifier({ algorithm: 'RS256', jwksUrl, audience: 'other' });
    await expect(verifier.verify(await sign({ tenant: 't9', roles: [] }))).rejects.toThrow(
      InvalidTokenError,
    );
    const right = createTokenVerifier({ algorithm: 'RS256', jwksUrl, audience: 'crm' });
    await expect(right.verify(await sign({ tenant: 't9', roles: [] }, 'key-2'))).rejects.toThrow(
      InvalidTokenError,
    );
  });
});
