import { randomBytes } from 'node:crypto';

/**
 * A name no other test run uses, for topics and consumer groups on a shared broker.
 * Only [a-z0-9-] so it is a legal Kafka topic name and never collides through the `.`/`_` rule.
 */
export function uniqueName(prefix: string): string {
  const safePrefix =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'test';
  return `${safePrefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
