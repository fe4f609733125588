/**
 * Runs once per jest run, before any suite: resolves every piece of real infrastructure the
 * suites may need and publishes it through environment variables that the workers inherit.
 * Every project's jest config names this file; the guard makes the second call a no-op.
 */
import { resolveInfrastructure } from '../infrastructure';

export default async function globalSetup(): Promise<void> {
  if (process.env.CRM_TEST_INFRA_RESOLVED) return;
  await resolveInfrastructure();
  process.env.CRM_TEST_INFRA_RESOLVED = '1';
}
