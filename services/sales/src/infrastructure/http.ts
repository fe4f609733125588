/** Small helpers every controller uses to answer a command: ETag = stream version, Location on create. */
import { setETag, type AuthenticatedUser } from '@crm/platform';
import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandCaller } from '@crm/platform';

export class CommandAccepted {
  @ApiProperty({ description: 'Aggregate id' }) id!: string;
  @ApiProperty({ description: 'Stream version after the command: send it back as If-Match' })
  version!: number;
}

export function accepted(
  reply: FastifyReply,
  id: string,
  version: number,
  location?: string,
): CommandAccepted {
  setETag(reply, version);
  if (location) void reply.header('location', location);
  return { id, version };
}

export function callerOf(user: AuthenticatedUser, expectedVersion?: number): CommandCaller {
  return { tenant: user.tenant, actor: user.sub, expectedVersion };
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Roles that work the sales pipeline. */
export const SELLERS = ['admin', 'sales-manager', 'sales-rep'] as const;
