/** HTTP to a running service with dev tokens for one tenant (system e2e specs). */
import { mintDevToken } from '../../auth/dev-token';
import type { Role } from '../../auth/user';

export interface Caller {
  readonly roles?: Role[];
  readonly sub?: string;
}

export interface HttpResult {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, string>;
}

export interface ServiceClient {
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { body?: unknown; as?: Caller; headers?: Record<string, string> },
  ): Promise<HttpResult>;
}

const REQUEST_TIMEOUT_MS = 15_000;

export function serviceClient(baseUrl: string, tenant: string, secret: string): ServiceClient {
  const tokens = new Map<string, Promise<string>>();
  const token = (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) {
      tokens.set(
        key,
        mintDevToken({
          tenant,
          roles: caller.roles ?? ['sales-rep'],
          sub: caller.sub ?? 'rep-1',
          secret,
        }),
      );
    }
    return tokens.get(key)!;
  };
  return {
    async request(method, url, options = {}) {
      const res = await fetch(new URL(url, baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${await token(options.as ?? {})}`,
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? JSON.parse(text) : undefined,
        headers: Object.fromEntries(res.headers.entries()),
      };
    },
  };
}
