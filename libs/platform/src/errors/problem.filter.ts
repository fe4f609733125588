/**
 * The single global exception filter: whatever is thrown, the client gets RFC 9457
 * problem+json. 5xx bodies are generic; the real error goes to the log with the request id.
 */
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorProblem, isDomainError } from './domain-error-problem';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
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

    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, url: request.url },
        exception instanceof Error ? exception.message : 'non-error thrown',
      );
    }
    const body: ProblemDetails = {
      ...problem,
      instance: request.url,
      requestId: request.id,
    };
    if (reply.sent) return;
    void reply
      .status(body.status)
      .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
      .send(JSON.stringify(body));
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (isDomainError(exception)) return domainErrorProblem(exception);
    if (exception instanceof HttpException) return fromHttpException(exception);
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

/** Errors from the HTTP stack (body parsing, content type) carry a 4xx statusCode. */
function clientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const status =
    (exception as { statusCode?: unknown; status?: unknown }).statusCode ??
    (exception as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
