/**
 * `activities` (due / overdue queries) and `reminder_schedule`: the unfired reminders of open
 * activities, which the reminder scheduler claims with FOR UPDATE SKIP LOCKED.
 */
import { foldingProjection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { activityDecider } from './activity.decider';

export const activityListPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.activities (
      tenant text NOT NULL,
      activity_id text NOT NULL,
      kind text NOT NULL,
      subject text NOT NULL,
      status text NOT NULL,
      priority text NOT NULL,
      assignee_id text NOT NULL,
      contact_id text,
      lead_id text,
      opportunity_id text,
      due_at timestamptz,
      state jsonb NOT NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, activity_id)
    );
    -- For GET /activities (projection version 3): nullable on a table that may still hold rows;
    -- the rebuild that version bump starts fills it.
    ALTER TABLE ${S}.activities ADD COLUMN IF NOT EXISTS created_at timestamptz;
    CREATE INDEX IF NOT EXISTS activities_by_lead ON ${S}.activities (tenant, lead_id);
    CREATE INDEX IF NOT EXISTS activities_by_opportunity ON ${S}.activities (tenant, opportunity_id);
    CREATE INDEX IF NOT EXISTS activities_newest ON ${S}.activities (tenant, created_at, activity_id);
    CREATE INDEX IF NOT EXISTS activities_due ON ${S}.activities (tenant, status, due_at);
    CREATE INDEX IF NOT EXISTS activities_by_contact ON ${S}.activities (tenant, contact_id);
    CREATE TABLE IF NOT EXISTS ${S}.reminder_schedule (
      tenant text NOT NULL,
      activity_id text NOT NULL,
      reminder_id text NOT NULL,
      remind_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, activity_id, reminder_id)
    );
    CREATE INDEX IF NOT EXISTS reminder_schedule_due ON ${S}.reminder_schedule (remind_at);`,
  tables: ['activities', 'reminder_schedule'],
  handlers: foldingProjection({
    table: `${S}.activities`,
    idColumn: 'activity_id',
    decider: activityDecider,
    events: {
      ActivityLogged: true,
      ActivityRescheduled: true,
      ActivityReassigned: true,
      ReminderAdded: true,
      ReminderDue: true,
      ActivityCompleted: true,
      ActivityCancelled: true,
      ActivityContactRepointed: true,
      ActivityPersonalDetailsErased: true,
    },
    write: async (tx, { tenant, id, state, version, event }) => {
      const d = state.details!;
      await tx.query(
        `INSERT INTO ${S}.activities (tenant, activity_id, kind, subject, status, priority, assignee_id, contact_id, lead_id, opportunity_id, due_at, state, version, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
         ON CONFLICT (tenant, activity_id) DO UPDATE SET kind = $3, subject = $4, status = $5, priority = $6, assignee_id = $7,
           contact_id = $8, lead_id = $9, opportunity_id = $10, due_at = $11, state = $12, version = $13`,
        [
          tenant,
          id,
          d.kind,
          d.subject,
          state.status,
          d.priority,
          d.assigneeId,
          d.contactId ?? null,
          d.leadId ?? null,
          d.opportunityId ?? null,
          d.dueAt ?? null,
          JSON.stringify(state),
          version,
          // Kept from the first event (the upsert leaves it); its time, so a replay agrees.
          event.createdAt,
        ],
      );
      // The schedule is derived from the state: what is still to fire, for work still open.
      await tx.query(`DELETE FROM ${S}.reminder_schedule WHERE tenant = $1 AND activity_id = $2`, [
        tenant,
        id,
      ]);
      const pending =
        state.status === 'open'
          ? state.reminders.filter((r) => !state.firedReminderIds.includes(r.reminderId))
          : [];
      for (const reminder of pending) {
        await tx.query(
          `INSERT INTO ${S}.reminder_schedule (tenant, activity_id, reminder_id, remind_at) VALUES ($1,$2,$3,$4)`,
          [tenant, id, reminder.reminderId, reminder.remindAt],
        );
      }
    },
  }),
};
