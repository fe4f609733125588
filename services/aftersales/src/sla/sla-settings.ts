/**
 * A tenant's SLA settings: its business calendar (zone, working hours, holidays) and targets per
 * priority. Plain settings in `aftersales.sla_settings`; until a tenant sets its own, every minute
 * counts (a 24x7 UTC calendar) and the default targets apply. A change applies to every open
 * case's clocks from then on (they are computed, not stored).
 */
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { WEEKDAYS, parseBusinessCalendar, type BusinessCalendar } from './business-calendar';
import { DEFAULT_SLA_POLICY, parseSlaPolicy, type SlaPolicy } from './sla-policy';

export interface SlaSettings {
  readonly calendar: BusinessCalendar;
  readonly policy: SlaPolicy;
}

export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  calendar: parseBusinessCalendar({
    timeZone: 'UTC',
    workingHours: Object.fromEntries(
      WEEKDAYS.map((day) => [day, [{ from: '00:00', to: '24:00' }]]),
    ),
    holidays: [],
  }),
  policy: DEFAULT_SLA_POLICY,
};

export async function migrateSlaSettings(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${S}.sla_settings (
      tenant text PRIMARY KEY,
      calendar jsonb NOT NULL,
      policy jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
}

export async function readSlaSettings(pool: Pool, tenant: string): Promise<SlaSettings> {
  const { rows } = await pool.query<{ calendar: BusinessCalendar; policy: SlaPolicy }>(
    `SELECT calendar, policy FROM ${S}.sla_settings WHERE tenant = $1`,
    [tenant],
  );
  return rows[0] ?? DEFAULT_SLA_SETTINGS;
}

/** Checks untrusted input (the calendar's and policy's own parsers name the field). */
export function parseSlaSettings(raw: { calendar?: unknown; policy?: unknown }): SlaSettings {
  return {
    calendar: parseBusinessCalendar(raw.calendar),
    policy: raw.policy === undefined ? DEFAULT_SLA_POLICY : parseSlaPolicy(raw.policy),
  };
}

export async function writeSlaSettings(
  pool: Pool,
  tenant: string,
  settings: SlaSettings,
  at: Date,
): Promise<SlaSettings> {
  await pool.query(
    `INSERT INTO ${S}.sla_settings (tenant, calendar, policy, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant) DO UPDATE
       SET calendar = EXCLUDED.calendar, policy = EXCLUDED.policy, updated_at = EXCLUDED.updated_at`,
    [tenant, JSON.stringify(settings.calendar), JSON.stringify(settings.policy), at.toISOString()],
  );
  return settings;
}
