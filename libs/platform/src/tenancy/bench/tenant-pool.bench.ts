/**
 * What the per-connection tenant costs on the request path: a loop of `SELECT 1` on one
 * connection through a plain pg Pool, through TenantScopedPool with one tenant (the setting is
 * remembered: nothing extra) and with the tenant alternating on every query (a set_config each).
 *   DATABASE_URL=postgres://... SWC_NODE_PROJECT=tsconfig.base.json \
 *     node -r @swc-node/register libs/platform/src/tenancy/bench/tenant-pool.bench.ts
 */
import { Pool } from 'pg';
import { TenantScopedPool } from '../tenant-pool';
import { runWithRequestContext } from '../../logging/request-context';
const url = process.env.DATABASE_URL!;
const N = 5000;
const ctx = (tenant: string) => ({
  correlationId: 'x',
  user: { sub: 'u', tenant, roles: ['admin' as const] },
});
async function loop(pool: Pool, tenantOf: (i: number) => string | undefined) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const tenant = tenantOf(i);
    const q = () => pool.query('SELECT 1');
    await (tenant ? runWithRequestContext(ctx(tenant), q) : q());
  }
  return Number(process.hrtime.bigint() - t0) / 1e3 / N;
}
(async () => {
  const plain = new Pool({ connectionString: url, max: 1 });
  const scoped = new TenantScopedPool({ connectionString: url, max: 1 });
  const runs = { plain: [] as number[], sameTenant: [] as number[], alternating: [] as number[] };
  // Interleaved rounds, medians reported: the machine is shared and noisy.
  for (let round = 0; round < 7; round++) {
    runs.plain.push(await loop(plain, () => undefined));
    runs.sameTenant.push(await loop(scoped, () => 'tenant-a'));
    runs.alternating.push(await loop(scoped, (i) => `tenant-${i % 2}`));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify({
      queries_per_round: N,
      plain_us_per_query: Number(median(runs.plain).toFixed(1)),
      same_tenant_us_per_query: Number(median(runs.sameTenant).toFixed(1)),
      alternating_tenants_us_per_query: Number(median(runs.alternating).toFixed(1)),
    }),
  );
  await plain.end();
  await scoped.end();
})();
