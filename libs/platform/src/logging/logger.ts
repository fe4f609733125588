/**
 * nestjs-pino settings: JSON lines, one per request with its correlation id, secrets redacted,
 * probes (health, metrics) not logged on success so they do not drown the signal.
 */
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { PlatformConfig } from '../config/platform-config';

const QUIET_PATHS = ['/health/', '/metrics'];

export function loggerParams(config: PlatformConfig, serviceName: string): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { service: serviceName },
      // Fastify already chose the id (requestIdFor) and middie copies it onto the raw request.
      genReqId: (req: IncomingMessage) => req.id ?? '',
      customProps: (req: IncomingMessage) => ({ correlationId: req.id }),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
      autoLogging: {
        // middie rewrites req.url relative to the middleware's mount path; originalUrl is intact.
        ignore: (req: IncomingMessage & { originalUrl?: string }) => {
          const url = req.originalUrl ?? req.url ?? '';
          return QUIET_PATHS.some((prefix) => url.startsWith(prefix));
        },
      },
    },
  };
}
