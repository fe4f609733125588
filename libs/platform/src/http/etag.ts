/**
 * Optimistic concurrency over HTTP: the ETag is the stream version, If-Match carries the version
 * the client last saw, and the command handler appends with it as the expected version
 * (`*` or a list of tags: with the current version, when the condition holds).
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem';

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;
const VERSION = /^\d{1,15}$/;

/**
 * What an If-Match or If-None-Match header asks for: `*` (any current version) or the versions
 * its tags name. If-Match compares strongly (RFC 9110 13.1.1): a weak tag `W/"7"` is well formed
 * but never matches, so it is left out, and an If-Match of weak tags only is `[]` (412).
 * If-None-Match compares weakly (13.1.2): `W/"7"` names version 7.
 */
export type EntityTagCondition = '*' | readonly number[];

/** The If-Match condition; absent -> undefined; not a list of entity tags -> 400 problem. */
export function parseIfMatch(
  header: string | string[] | undefined,
): EntityTagCondition | undefined {
  const condition = parseEntityTags(header, 'strong');
  if (condition === null) {
    throw ProblemException.of(
      400,
      'InvalidIfMatch',
      'If-Match must be `*` or entity tags as returned in ETag, e.g. "7" or "7", "8"',
    );
  }
  return condition;
}

/** `*` or the versions named, undefined when absent, null when malformed. */
export function parseEntityTags(
  header: string | string[] | undefined,
  comparison: 'strong' | 'weak',
): EntityTagCondition | undefined | null {
  const value = (Array.isArray(header) ? header.join(',') : header)?.trim();
  if (!value) return undefined;
  if (value === '*') return '*';
  const members = value
    .split(',')
    .map((member) => member.trim())
    .filter(Boolean); // RFC 9110 5.6.1: empty list elements are ignored
  if (members.length === 0) return null;
  const versions: number[] = [];
  for (const member of members) {
    const match = ENTITY_TAG.exec(member);
    if (!match) return null;
    const [, weak, opaque] = match;
    // A strong tag that is not one of our versions is well formed: it just matches nothing.
    if ((!weak || comparison === 'weak') && VERSION.test(opaque!)) versions.push(Number(opaque));
  }
  return versions;
}

/** Whether a resource at `version` (0: it does not exist) satisfies the condition. */
export function entityTagMatches(condition: EntityTagCondition, version: number): boolean {
  return condition === '*' ? version > 0 : condition.includes(version);
}

/** The 412 of an If-Match that no current version satisfies; nothing was written. */
export function preconditionFailed(version: number): ProblemException {
  return ProblemException.of(
    412,
    'PreconditionFailed',
    version > 0
      ? `The resource is at version ${version}, which If-Match does not name`
      : 'The resource does not exist, so If-Match cannot match',
    { actualVersion: version },
  );
}

/** What a command's caller carries of If-Match (see `CommandCaller`). */
export interface IfMatchPrecondition {
  /** The one version If-Match names: appended with as the expected version. */
  readonly expectedVersion?: number;
  /** `*`, several versions or weak tags only: checked against the version the command reads. */
  readonly ifMatch?: EntityTagCondition;
}

export function ifMatchPrecondition(
  condition: EntityTagCondition | undefined,
): IfMatchPrecondition {
  if (condition === undefined) return {};
  const versions = condition === '*' ? [] : [...new Set(condition)];
  return versions.length === 1 ? { expectedVersion: versions[0] } : { ifMatch: condition };
}

/**
 * The expected version to append with, given the stream's current version: the caller's one, or
 * the current one when its If-Match condition holds (`*`: none, the stream exists). Else 412.
 */
export function expectedVersionFor(
  precondition: IfMatchPrecondition,
  version: number,
): number | undefined {
  const { ifMatch } = precondition;
  if (ifMatch === undefined) return precondition.expectedVersion;
  if (!entityTagMatches(ifMatch, version)) throw preconditionFailed(version);
  return ifMatch === '*' ? undefined : version;
}

export function formatETag(version: number): string {
  return `"${version}"`;
}

export function setETag(reply: FastifyReply, version: number): void {
  void reply.header('etag', formatETag(version));
}

/** The client's If-Match condition, or undefined when it sent none. */
export const IfMatch = createParamDecorator(ifMatchOfRequest);

/** IfMatch's factory, named so the OpenAPI document can tell which routes read If-Match. */
export function ifMatchOfRequest(
  _data: unknown,
  ctx: ExecutionContext,
): EntityTagCondition | undefined {
  return parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']);
}
