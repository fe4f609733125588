/**
 * The single global exception filter: whatever is thrown, the client gets RFC 9457
 * problem+json. 5xx bodies are generic; the real error goes to the log with the request id.
 */
import {
  ArgumentsHost,
  Catch,
  HttpException,
  Logger,
  NotFoundException,
  type ExceptionFilter,
} from '@nestjs/common';
import { ReadModelUnavailableError } from '@crm/event-sourcing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allowedMethods } from '../http/allowed-methods';
import { domainErrorProblem, isDomainError } from './domain-error-problem';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  problemType,
  statusTitle,
  type FieldError,
  type Problem,
  type ProblemDetails,
} from './problem';

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();

    const problem =
      (exception instanceof NotFoundException && methodNotAllowed(request, reply)) ||
      this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, url: request.url },
        exception instanceof Error ? exception.message : 'non-error thrown',
      );
    }
    if (reply.sent) return;
    const retryAfter = problem.retryAfterSeconds;
    if (problem.status === 503 && typeof retryAfter === 'number' && Number.isInteger(retryAfter)) {
      void reply.header('retry-after', String(retryAfter));
    }
    sendProblem(request, reply, problem);
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (isDomainError(exception)) return domainErrorProblem(exception);
    // Deliberate and safe to explain: the read model is being (re)built, the client should retry.
    if (exception instanceof ReadModelUnavailableError) {
      return {
        type: problemType('ReadModelUnavailable'),
        title: statusTitle(503),
        status: 503,
        detail: exception.message,
        retryAfterSeconds: exception.retryAfterSeconds,
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const sqlState = inputRejectedByDatabase(exception);
    if (sqlState) {
      // The edge (rejectUnstorableInput, DTO validation) should have caught it: say so in the log.
      this.logger.warn({ err: exception, sqlState }, 'PostgreSQL refused request data');
      return {
        type: problemType('InvalidInputData'),
        title: 'Invalid input data',
        status: 400,
        detail:
          'The request holds a value that cannot be stored (wrong characters, format or length)',
      };
    }
    const status = clientErrorStatus(exception);
    if (status) {
      return {
        type: 'about:blank',
        title: statusTitle(status),
        status,
        detail: (exception as Error).message,
      };
    }
    return {
      type: 'about:blank',
      title: statusTitle(500),
      status: 500,
      detail: 'An unexpected error occurred; the request id identifies it in the logs',
    };
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  const body: ProblemDetails = { ...problem, instance: request.url, requestId: request.id };
  void reply
    .status(body.status)
    .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(body));
}

/**
 * A URL no route takes ends in Nest's not-found handler as a NotFoundException. When routes take
 * its path with other methods, the client chose the wrong method, not the wrong URL: 405 with
 * the Allow header (RFC 9110 15.5.6). Undefined for an unknown path, or a 404 a handler threw.
 */
function methodNotAllowed(request: FastifyRequest, reply: FastifyReply): Problem | undefined {
  if (!request.is404) return undefined;
  const allow = allowedMethods(request);
  if (allow.length === 0) return undefined;
  void reply.header('allow', allow.join(', '));
  return {
    type: 'about:blank',
    title: statusTitle(405),
    status: 405,
    detail: `${request.method} is not allowed here; allowed: ${allow.join(', ')}`,
  };
}

/**
 * Fastify answers some malformed URLs in its router, before Nest sees the request (a path
 * parameter over maxParamLength: 414; an undecodable URL: 400). Those get problem+json too.
 */
export function routerErrorProblem(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  sendProblem(request, reply, {
    type: 'about:blank',
    title: statusTitle(status),
    status,
    detail: status === 414 ? 'A path segment is too long' : 'The request URL is malformed',
  });
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const base = { type: 'about:blank', title: statusTitle(status), status };
  // Internal messages stay out of 5xx bodies, even when thrown deliberately as HttpException.
  if (status >= 500) return base;
  const response = exception.getResponse();
  if (typeof response === 'string') return { ...base, detail: response };
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) {
    // A ValidationPipe built without our exceptionFactory: keep the messages, unnamed.
    const errors: FieldError[] = message.map((m) => ({ field: '', message: String(m) }));
    return { ...base, detail: 'The request is invalid', errors };
  }
  return typeof message === 'string' ? { ...base, detail: message } : base;
}

/**
 * SQLSTATEs (class 22, data exception) that mean PostgreSQL refused a value the client sent:
 * a NUL or bad byte sequence, text that is not a valid uuid/number/json/timestamp, a string over
 * its column's length, a number out of range, a bad LIKE escape or regular expression.
 */
const INPUT_DATA_SQLSTATES = new Set([
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22021', // character_not_in_repertoire (invalid byte sequence, e.g. 0x00)
  '22025', // invalid_escape_sequence
  '2201B', // invalid_regular_expression
  '22P02', // invalid_text_representation (invalid input syntax for uuid, json, ...)
  '22P05', // untranslatable_character (\u0000 in jsonb)
]);

/** The SQLSTATE when a pg DatabaseError (also as some error's `cause`) refused input data. */
function inputRejectedByDatabase(exception: unknown): string | undefined {
  for (let error = exception, depth = 0; error instanceof Error && depth < 3; depth++) {
    const { code, severity } = error as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && typeof severity === 'string')
      return INPUT_DATA_SQLSTATES.has(code) ? code : undefined;
    error = error.cause;
  }
  return undefined;
}

/** Errors from the HTTP stack (body parsing, content type) carry a 4xx statusCode. */
function clientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const status =
    (exception as { statusCode?: unknown; status?: unknown }).statusCode ??
    (exception as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
