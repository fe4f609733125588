/**
 * A pg Pool whose connections carry the caller's tenant in `crm.tenant`, for row-level security:
 * the verified tenant of the request being served (RequestContext), `*` outside a request (module
 * init, background work). The value is remembered per connection, so a query on a connection
 * already set for the same tenant costs nothing extra; pool.query goes through connect() too.
 */
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { currentRequestContext } from '../logging/request-context';
import { ALL_TENANTS, TENANT_SETTING } from './tenant-setting';

/** The tenant the current request was authenticated for, if any. */
export function currentTenant(): string | undefined {
  return currentRequestContext()?.user?.tenant;
}

type ConnectCallback = (err: Error | undefined, client?: PoolClient, done?: () => void) => void;

export class TenantScopedPool extends Pool {
  private readonly settingOf = new WeakMap<PoolClient, string>();

  constructor(config: PoolConfig) {
    super(config);
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    // Read before any await: the tenant of the caller, not of whatever resumes us.
    const tenant = currentTenant() ?? ALL_TENANTS;
    const connected = this.connectAs(tenant);
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, () => client.release()),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private async connectAs(tenant: string): Promise<PoolClient> {
    const client = await super.connect();
    if (this.settingOf.get(client) === tenant) return client;
    try {
      // Session-level (false), set before the caller's BEGIN, so no rollback undoes it.
      await client.query('SELECT set_config($1, $2, false)', [TENANT_SETTING, tenant]);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    this.settingOf.set(client, tenant);
    return client;
  }
}
