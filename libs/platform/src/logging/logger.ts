/**
 * nestjs-pino settings: one line per request with its correlation id, secrets redacted, probes
 * (health, metrics) not logged on success so they do not drown the signal. JSON lines for log
 * collectors; readable lines (pino-pretty) for a person at a terminal.
 */
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogFormat, PlatformConfig } from '../config/platform-config';

const QUIET_PATHS = ['/health/', '/metrics'];

const PRETTY_TRANSPORT = {
  target: 'pino-pretty',
  options: {
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{service}{name} [{context}] {msg}',
  },
};

export function loggerParams(config: PlatformConfig, serviceName: string): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      ...(prettyLogs(config.logFormat) && { transport: PRETTY_TRANSPORT }),
      base: { service: serviceName },
      // Fastify already chose the id (requestIdFor) and middie copies it onto the raw request.
      genReqId: (req: IncomingMessage) => req.id ?? '',
      // The correlation id goes on the completion line only (in-request lines carry it as req.id):
      // `customProps` did it with one more child logger per request and a re-check at the end,
      // about half of the request log's CPU (bench:http, GET /contacts?limit=20 profile).
      customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: object) => ({
        ...line,
        correlationId: req.id,
      }),
      customErrorObject: (
        req: IncomingMessage,
        _res: ServerResponse,
        _error: Error,
        line: object,
      ) => ({ ...line, correlationId: req.id }),
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

/** Pretty only for people: `auto` asks whether stdout is a terminal (npm start in a shell). */
export function prettyLogs(
  format: LogFormat,
  stdoutIsTty = Boolean(process.stdout.isTTY),
): boolean {
  return format === 'pretty' || (format === 'auto' && stdoutIsTty);
}

/** A plain pino logger for a service's background parts (messaging), in the same format as its requests. */
export function serviceLogger(config: PlatformConfig, name: string): pino.Logger {
  return pino({
    name,
    level: config.logLevel,
    ...(prettyLogs(config.logFormat) && { transport: PRETTY_TRANSPORT }),
  });
}
