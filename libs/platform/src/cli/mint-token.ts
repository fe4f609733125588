/**
 * Prints a development bearer token (HS256):
 *   npm run token -- --tenant t1 --roles admin,sales-rep --sub u1 [--team rep-1,rep-2] [--expires 8h] [--secret ...]
 * The secret defaults to JWT_SECRET, else the one `npm start` uses.
 */
import { parseArgs } from 'node:util';
import { mintDevToken } from '../auth/dev-token';
import { isRole, ROLES, type Role } from '../auth/user';

const USAGE = `usage: npm run token -- --tenant <id> --roles <role,...> [--sub <user>] [--team <sub,...>] [--expires <1h|8h|...>] [--secret <s>]
roles: ${ROLES.join(', ')}`;

export async function main(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenant: { type: 'string' },
      roles: { type: 'string', default: '' },
      sub: { type: 'string', default: 'dev-user' },
      team: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      secret: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  if (!values.tenant) throw new UsageError(`--tenant is required\n${USAGE}`);
  const roles = values.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new UsageError(`unknown role(s): ${unknown.join(', ')}\n${USAGE}`);
  return mintDevToken({
    tenant: values.tenant,
    roles: roles as Role[],
    sub: values.sub,
    ...(values.team !== undefined
      ? {
          team: values.team
            .split(',')
            .map((m) => m.trim())
            .filter(Boolean),
        }
      : {}),
    expiresIn: values.expires,
    secret: values.secret,
    issuer: values.issuer ?? process.env.JWT_ISSUER,
    audience: values.audience ?? process.env.JWT_AUDIENCE,
  });
}

class UsageError extends Error {}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (token) => process.stdout.write(`${token}\n`),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
