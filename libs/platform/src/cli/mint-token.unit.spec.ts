import { DEV_JWT_SECRET } from '../auth/dev-token';
import { createTokenVerifier } from '../auth/token-verifier';
import { main } from './mint-token';

describe('mint-token CLI', () => {
  it('prints a token the platform accepts with the given tenant, roles and subject', async () => {
    const token = await main([
      '--tenant',
      't1',
      '--roles',
      'admin,analyst',
      '--sub',
      'u1',
      '--secret',
      DEV_JWT_SECRET,
    ]);
    const verifier = createTokenVerifier({ algorithm: 'HS256', secret: DEV_JWT_SECRET });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'u1',
      tenant: 't1',
      roles: ['admin', 'analyst'],
    });
  });

  it('refuses unknown roles and a missing tenant', async () => {
    await expect(main(['--tenant', 't1', '--roles', 'boss'])).rejects.toThrow(
      'unknown role(s): boss',
    );
    await expect(main(['--roles', 'admin'])).rejects.toThrow('--tenant is required');
  });
});
