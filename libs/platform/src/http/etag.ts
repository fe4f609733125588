/**
 * Optimistic concurrency over HTTP: the ETag is the stream version, If-Match carries the version
 * the client last saw, and the command handler appends with it as the expected version.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem';

const VERSION_TAG = /^(?:W\/)?"(\d{1,15})"$/;

/** `"7"` or `W/"7"` -> 7; absent or `*` -> undefined; anything else -> 400 problem. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header.join(',') : header)?.trim();
  if (!value || value === '*') return undefined;
  const match = VERSION_TAG.exec(value);
  if (!match) {
    throw ProblemException.of(
      400,
      'InvalidIfMatch',
      'If-Match must be one version tag as returned in ETag, e.g. "7"',
    );
  }
  return Number(match[1]);
}

export function formatETag(version: number): string {
  return `"${version}"`;
}

export function setETag(reply: FastifyReply, version: number): void {
  void reply.header('etag', formatETag(version));
}

/** The version the client sent in If-Match, or undefined when it sent none. */
export const IfMatch = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);
